#include "harness/runner/adaptive_concurrency.hpp"

#include <algorithm>
#include "harness/layer.hpp"

namespace ds::harness {

AdaptiveConcurrency::AdaptiveConcurrency(int max_limit)
    : max_limit_(std::max(1, max_limit)), limit_(max_limit_) {}

void AdaptiveConcurrency::on_success() {
  if (limit_ >= max_limit_) return;
  if (++successes_ >= limit_) {
    ++limit_;
    successes_ = 0;
  }
}

void AdaptiveConcurrency::on_rate_limited(double request_started_at, double now) {
  if (request_started_at < last_cut_) return;
  limit_ = std::max(1, limit_ / 2);
  successes_ = 0;
  last_cut_ = now;
}

}  // namespace ds::harness
