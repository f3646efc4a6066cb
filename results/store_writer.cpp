#include "results/store_writer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <utility>

#include "core/errors.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

StoreWriter::StoreWriter(const std::string& db_path, const std::string& jsonl_path,
                         std::function<void(Store&)> prologue)
    : store_(db_path), prologue_(std::move(prologue)) {
  if (!jsonl_path.empty()) {
    jsonl_.open(jsonl_path, std::ios::app);
    if (!jsonl_) throw InputError(fmt::format("{}: cannot open --jsonl file for writing", jsonl_path));
  }
  thread_ = std::thread([this] { loop(); });
}

StoreWriter::~StoreWriter() { stop(); }

void StoreWriter::submit(Record record) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(record));
    // The writer waits for the first record of a batch, then for a full batch or its timer:
    // only those two moments need a wake-up.
    wake = queue_.size() == 1 || queue_.size() == kBatchRecords;
  }
  if (wake) wake_.notify_one();
}

void StoreWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void StoreWriter::close() {
  stop();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

size_t StoreWriter::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

void StoreWriter::loop() {
  try {
    if (prologue_) store_.db().transaction([&] { prologue_(store_); });
    write_batches();
  } catch (...) {
    error_ = std::current_exception();
  }
}

void StoreWriter::write_batches() {
  for (;;) {
    std::deque<Record> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty() && closing_) return;
      wake_.wait_for(lock, std::chrono::duration<double>(kBatchSeconds),
                     [this] { return closing_ || queue_.size() >= kBatchRecords; });
      batch.swap(queue_);
    }
    store_.db().transaction([&] {
      for (auto& record : batch) record.id = store_.put_response(record);
    });
    if (jsonl_.is_open()) {
      for (const auto& record : batch) jsonl_ << dump_json(record_to_json(record)) << '\n';
      jsonl_.flush();
    }
    std::lock_guard lock(mutex_);
    written_ += batch.size();
  }
}

}  // namespace ds::results
