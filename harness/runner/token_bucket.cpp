#include "harness/runner/token_bucket.hpp"

#include <algorithm>
#include "harness/layer.hpp"

namespace ds::harness {

TokenBucket::TokenBucket(double per_minute, double now)
    : rate_per_second_(per_minute > 0 ? per_minute / 60.0 : 0),
      capacity_(std::max(1.0, rate_per_second_ * 10)),
      tokens_(capacity_),
      last_(now) {}

void TokenBucket::refill(double now) {
  if (now > last_) {
    tokens_ = std::min(capacity_, tokens_ + (now - last_) * rate_per_second_);
    last_ = now;
  }
}

double TokenBucket::available(double now) {
  refill(now);
  return tokens_;
}

double TokenBucket::seconds_until(double cost, double now) {
  if (unlimited()) return 0;
  refill(now);
  const double needed = std::min(cost, capacity_);
  if (tokens_ >= needed) return 0;
  return (needed - tokens_) / rate_per_second_;
}

bool TokenBucket::try_take(double cost, double now) {
  if (unlimited()) return true;
  if (seconds_until(cost, now) > 0) return false;
  tokens_ -= cost;
  return true;
}

void TokenBucket::adjust(double delta) {
  if (unlimited()) return;
  tokens_ = std::min(capacity_, tokens_ + delta);
}

}  // namespace ds::harness
