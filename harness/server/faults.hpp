#pragma once
// Injected faults for tests and benchmarks: latency, rate limiting (token bucket), errors,
// dropped connections, garbage and truncated bodies, stalls. Every random decision is a pure
// function of (--fault-seed, request body, how many times that body was seen), so a run
// with the same requests meets the same faults whatever the order of concurrent requests.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include "harness/layer.hpp"

namespace ds::harness::server {

struct FaultConfig {
  double latency_mean_ms = 0;
  double latency_jitter_ms = 0;
  double error_rate = 0;
  double drop_rate = 0;
  double garbage_rate = 0;
  double truncate_rate = 0;
  double stall_rate = 0;
  int stall_ms = 30000;
  double rate_limit_per_s = 0;  // 0 = unlimited
  uint64_t seed = 0;
};

// Parses "MEAN" or "MEAN,JITTER" (milliseconds); InputError naming --latency-ms otherwise.
void parse_latency(const std::string& text, FaultConfig& config);
// Parses "N/s", "N/m" or "N" (per second); InputError naming --rate-limit otherwise.
double parse_rate_limit(const std::string& text);

// A token bucket holding up to `burst` tokens, refilled at `rate` per second.
class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  TokenBucket(double rate_per_s, double burst, Clock::time_point now = Clock::now());
  // Takes one token; otherwise returns false and sets wait_s to the time until one is there.
  bool try_take(Clock::time_point now, double& wait_s);
  double remaining() const { return tokens_; }
  double rate() const { return rate_; }
  double burst() const { return burst_; }

 private:
  void refill(Clock::time_point now);
  double rate_, burst_, tokens_;
  Clock::time_point last_;
};

enum class Fault { none, rate_limited, error, drop, stall, garbage, truncate };
const char* fault_name(Fault f);

struct FaultDecision {
  Fault fault = Fault::none;
  double latency_ms = 0;
  double retry_after_s = 0;     // for rate_limited
  double remaining_tokens = 0;  // for the x-ratelimit-remaining header
  uint64_t variant = 0;         // picks among variants of a fault (500 vs 503, how to truncate)
};

class FaultInjector {
 public:
  explicit FaultInjector(FaultConfig config);
  // Thread-safe. `body_key` identifies the request (e.g. a hash of its body).
  FaultDecision decide(const std::string& body_key);
  const FaultConfig& config() const { return config_; }
  bool rate_limited() const { return config_.rate_limit_per_s > 0; }

 private:
  double draw(const std::string& body_key, uint64_t attempt, const char* what) const;
  FaultConfig config_;
  std::mutex mutex_;
  TokenBucket bucket_;
  std::map<std::string, uint64_t> seen_;
};

}  // namespace ds::harness::server
