#pragma once
// The fingerprint features of many answers, computed on worker threads while the caller
// writes them to the store in order: `take(i)` hands over answer i's stored form, computing
// pending answers itself while it waits, so the writing thread is never idle and the rows
// not yet written stay few (an import's answers are never all featurised in memory at once).
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "scorers/lineage/text_features.hpp"
#include "results/layer.hpp"

namespace ds::results {

using scorers::lineage::IdentityClaim;

// One answer's features as the lineage_features table stores them.
struct FeatureRow {
  std::string blob;                    // encode_features of everything but the claim
  std::optional<IdentityClaim> claim;  // stored in its own columns
};

FeatureRow feature_row(std::string_view text);

class FeaturePool {
 public:
  // `texts` must outlive the pool and stay unchanged until their rows are taken; an entry
  // with `skip` set is never computed (take returns an empty row).
  FeaturePool(std::vector<std::string_view> texts, std::vector<char> skip, unsigned threads);
  ~FeaturePool();
  FeaturePool(const FeaturePool&) = delete;
  FeaturePool& operator=(const FeaturePool&) = delete;

  // Blocks until answer i is computed; each row can be taken once.
  FeatureRow take(size_t i);
  size_t size() const { return texts_.size(); }

 private:
  bool compute_next();  // false when every answer is claimed
  std::vector<std::string_view> texts_;
  std::vector<char> skip_;
  std::vector<FeatureRow> rows_;
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::atomic<size_t> next_{0};
  std::mutex mutex_;
  std::condition_variable finished_;
  std::vector<std::thread> workers_;
};

}  // namespace ds::results
