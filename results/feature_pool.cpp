#include "results/feature_pool.hpp"

#include <memory>

namespace ds::results {

using namespace scorers::lineage;

FeatureRow feature_row(std::string_view text) {
  TextFeatures f = compute_features(text);
  FeatureRow row;
  row.blob = encode_features(f);
  row.claim = std::move(f.claim);
  return row;
}

FeaturePool::FeaturePool(std::vector<std::string_view> texts, std::vector<char> skip, unsigned threads)
    : texts_(std::move(texts)),
      skip_(std::move(skip)),
      rows_(texts_.size()),
      done_(std::make_unique<std::atomic<bool>[]>(texts_.size())) {
  skip_.resize(texts_.size(), 0);
  for (size_t i = 0; i < texts_.size(); ++i) done_[i].store(false, std::memory_order_relaxed);
  for (unsigned t = 0; t < threads; ++t)
    workers_.emplace_back([this] {
      while (compute_next()) {
      }
    });
}

FeaturePool::~FeaturePool() {
  next_.store(texts_.size());  // unclaimed answers are not computed
  for (auto& w : workers_) w.join();
}

bool FeaturePool::compute_next() {
  const size_t i = next_++;
  if (i >= texts_.size()) return false;
  if (!skip_[i]) rows_[i] = feature_row(texts_[i]);
  {
    std::lock_guard lock(mutex_);
    done_[i].store(true, std::memory_order_release);
  }
  finished_.notify_all();
  return true;
}

FeatureRow FeaturePool::take(size_t i) {
  while (!done_[i].load(std::memory_order_acquire)) {
    if (compute_next()) continue;
    // Every answer is claimed and a worker is still on this one.
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return done_[i].load(std::memory_order_acquire); });
  }
  return std::move(rows_[i]);
}

}  // namespace ds::results
