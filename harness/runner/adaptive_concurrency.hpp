#pragma once
#include "harness/layer.hpp"
// AIMD concurrency per endpoint: halve when the server says "too many" (429), add one
// after a window's worth of successes. Times are seconds on a monotonic clock.

namespace ds::harness {

class AdaptiveConcurrency {
 public:
  explicit AdaptiveConcurrency(int max_limit);

  int limit() const { return limit_; }

  // Additive increase: +1 once `limit` successes have arrived since the last change.
  void on_success();

  // Multiplicative decrease. A burst of 429s answers requests that were all sent under
  // the old limit, so only a 429 to a request started after the last cut cuts again.
  void on_rate_limited(double request_started_at, double now);

 private:
  int max_limit_;
  int limit_;
  int successes_ = 0;
  double last_cut_ = -1e300;
};

}  // namespace ds::harness
