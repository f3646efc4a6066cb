#pragma once
// The results store's one writer: a thread that takes finished records from the runner's
// event loop and stores them in batches, one transaction per batch: what arrived within
// kBatchSeconds, or kBatchRecords records, whichever comes first. A commit per record cost
// more than the request at high concurrency; a kill -9 loses at most the batch being
// collected, and a resumed run asks for exactly those answers again. Every record is also
// streamed to the --jsonl file.
//
// A prologue given to the constructor (a run's items and models) is written by the writer's
// thread in its own transaction before the first record, so the caller can send its first
// requests while it is stored. An error in the prologue or in a batch stops the writer and is
// thrown by close().
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "results/record.hpp"
#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

class StoreWriter {
 public:
  static constexpr double kBatchSeconds = 0.05;
  static constexpr size_t kBatchRecords = 1024;

  // jsonl_path may be empty. The writer opens its own connection to the store.
  StoreWriter(const std::string& db_path, const std::string& jsonl_path,
              std::function<void(Store&)> prologue = {});
  ~StoreWriter();  // drains the queue; an error is not thrown from here (call close())
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  void submit(Record record);
  // Waits until the prologue and every submitted record are stored; throws the writer's
  // error, if it had one.
  void close();
  size_t written() const;

 private:
  void loop();
  void write_batches();
  void stop();  // joins the thread, never throws

  Store store_;
  std::function<void(Store&)> prologue_;
  std::exception_ptr error_;  // set by the thread, read after it is joined
  std::ofstream jsonl_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Record> queue_;
  bool closing_ = false;
  size_t written_ = 0;
  std::thread thread_;
};

}  // namespace ds::results
