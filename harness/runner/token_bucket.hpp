#pragma once
#include "harness/layer.hpp"
// A token bucket for per-minute limits (requests or tokens). Times are seconds on a
// monotonic clock, passed in so that the bucket can be tested without sleeping.

namespace ds::harness {

class TokenBucket {
 public:
  // per_minute <= 0 means unlimited. The bucket holds ten seconds' worth (at least 1) and
  // starts full.
  explicit TokenBucket(double per_minute, double now = 0);

  bool unlimited() const { return rate_per_second_ <= 0; }

  // Seconds until `cost` can be taken (0 = now). A cost larger than the bucket can hold is
  // allowed once the bucket is full, leaving it in debt, so no request waits forever.
  double seconds_until(double cost, double now);

  // Takes `cost` if seconds_until(cost, now) == 0; returns whether it did.
  bool try_take(double cost, double now);

  // Corrects an estimate once the real cost is known (positive = give back).
  void adjust(double delta);

  double available(double now);

 private:
  void refill(double now);
  double rate_per_second_;
  double capacity_;
  double tokens_;
  double last_;
};

}  // namespace ds::harness
