#pragma once
// When to try again: exponential backoff with full jitter, unless the server said when.
#include <ctime>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include "harness/layer.hpp"

namespace ds::harness {

// A Go-style duration as OpenAI sends in x-ratelimit-reset-*: "1s", "6m0s", "20ms",
// "1h2m3.5s", "250us"; a bare number is seconds. nullopt if malformed.
std::optional<double> parse_duration_seconds(std::string_view text);

// Retry-After: delay-seconds or an HTTP-date (relative to `now`, clamped at 0).
std::optional<double> parse_retry_after(std::string_view value, std::time_t now);

// The wait the server asked for, in seconds: retry-after-ms, Retry-After, else (for a
// 429, where `rate_limited`) the x-ratelimit-reset-requests/-tokens of the exhausted limit,
// the longer when it is not said which; those are sent on every reply, so they mean nothing
// for other errors. Header names are lower case. nullopt when the server gave no hint.
std::optional<double> server_retry_delay(const std::map<std::string, std::string>& headers,
                                         std::time_t now, bool rate_limited);

// Full jitter: uniform in [0, min(cap, base * 2^retry)); `retry` counts from 0.
double full_jitter_delay(int retry, double base_seconds, double cap_seconds, std::mt19937_64& rng);

// The delay before retry number `retry`: the server's hint plus up to 10% (so that
// clients told the same instant do not return together), else full jitter.
double retry_delay(int retry, std::optional<double> server_hint, double base_seconds,
                   double cap_seconds, std::mt19937_64& rng);

}  // namespace ds::harness
