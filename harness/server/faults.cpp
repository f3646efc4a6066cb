#include "harness/server/faults.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "harness/server/text_tokens.hpp"
#include "core/hash.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

double parse_number(const std::string& text, const std::string& flag) {
  try {
    size_t used = 0;
    const double v = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(v) || v < 0) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    throw InputError(fmt::format("{}: '{}' is not a non-negative number", flag, text));
  }
}

}  // namespace

void parse_latency(const std::string& text, FaultConfig& config) {
  const size_t comma = text.find(',');
  config.latency_mean_ms = parse_number(text.substr(0, comma), "--latency-ms");
  config.latency_jitter_ms =
      comma == std::string::npos ? 0 : parse_number(text.substr(comma + 1), "--latency-ms (jitter)");
}

double parse_rate_limit(const std::string& text) {
  const size_t slash = text.find('/');
  const double n = parse_number(text.substr(0, slash), "--rate-limit");
  if (slash == std::string::npos) return n;
  const std::string unit = text.substr(slash + 1);
  if (unit == "s") return n;
  if (unit == "m" || unit == "min") return n / 60.0;
  throw InputError(fmt::format("--rate-limit: unit '{}' is not 's' or 'm' (write e.g. 20/s)", unit));
}

TokenBucket::TokenBucket(double rate_per_s, double burst, Clock::time_point now)
    : rate_(rate_per_s), burst_(std::max(1.0, burst)), tokens_(std::max(1.0, burst)), last_(now) {}

void TokenBucket::refill(Clock::time_point now) {
  if (now <= last_) return;
  const double dt = std::chrono::duration<double>(now - last_).count();
  tokens_ = std::min(burst_, tokens_ + dt * rate_);
  last_ = now;
}

bool TokenBucket::try_take(Clock::time_point now, double& wait_s) {
  refill(now);
  if (tokens_ >= 1.0) {
    tokens_ -= 1.0;
    wait_s = 0;
    return true;
  }
  wait_s = rate_ > 0 ? (1.0 - tokens_) / rate_ : 1.0;
  return false;
}

const char* fault_name(Fault f) {
  switch (f) {
    case Fault::none: return "none";
    case Fault::rate_limited: return "rate_limited";
    case Fault::error: return "error";
    case Fault::drop: return "drop";
    case Fault::stall: return "stall";
    case Fault::garbage: return "garbage";
    case Fault::truncate: return "truncate";
  }
  return "?";
}

FaultInjector::FaultInjector(FaultConfig config)
    : config_(config),
      // A burst of one second's worth of requests, like a per-second quota.
      bucket_(config.rate_limit_per_s, config.rate_limit_per_s) {}

double FaultInjector::draw(const std::string& body_key, uint64_t attempt, const char* what) const {
  const uint64_t h = stable_hash(fmt::format("{}|{}|{}|{}", config_.seed, body_key, attempt, what));
  return static_cast<double>(h >> 11) / static_cast<double>(1ULL << 53);
}

FaultDecision FaultInjector::decide(const std::string& body_key) {
  FaultDecision d;
  uint64_t attempt = 0;
  {
    std::lock_guard lock(mutex_);
    attempt = seen_[body_key]++;
    if (rate_limited()) {
      double wait = 0;
      if (!bucket_.try_take(TokenBucket::Clock::now(), wait)) {
        d.fault = Fault::rate_limited;
        d.retry_after_s = wait;
      }
      d.remaining_tokens = bucket_.remaining();
    }
  }
  const double u = draw(body_key, attempt, "latency") * 2.0 - 1.0;
  d.latency_ms = std::max(0.0, config_.latency_mean_ms + u * config_.latency_jitter_ms);
  d.variant = stable_hash(fmt::format("{}|{}|{}|variant", config_.seed, body_key, attempt));
  if (d.fault != Fault::none) return d;
  const std::pair<Fault, double> order[] = {
      {Fault::error, config_.error_rate},     {Fault::drop, config_.drop_rate},
      {Fault::stall, config_.stall_rate},     {Fault::garbage, config_.garbage_rate},
      {Fault::truncate, config_.truncate_rate}};
  for (const auto& [fault, rate] : order)
    if (rate > 0 && draw(body_key, attempt, fault_name(fault)) < rate) {
      d.fault = fault;
      break;
    }
  return d;
}

}  // namespace ds::harness::server
