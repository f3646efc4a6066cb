#include "harness/runner/backoff.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "core/text.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

// Hints beyond this are treated as this: an hour-long Retry-After would stall a run silently.
constexpr double kMaxServerHintSeconds = 600;

std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> header_seconds(const std::map<std::string, std::string>& headers,
                                     const std::string& name) {
  const auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  return parse_duration_seconds(it->second);
}

bool exhausted(const std::map<std::string, std::string>& headers, const std::string& name) {
  const auto it = headers.find(name);
  return it != headers.end() && trim(it->second) == "0";
}

}  // namespace

std::optional<double> parse_duration_seconds(std::string_view text) {
  const std::string trimmed = trim(text);
  text = trimmed;
  if (text.empty()) return std::nullopt;
  if (const auto plain = parse_number(text)) return plain;
  double total = 0;
  while (!text.empty()) {
    size_t digits = 0;
    while (digits < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
      ++digits;
    }
    const auto number = parse_number(text.substr(0, digits));
    if (!number) return std::nullopt;
    text.remove_prefix(digits);
    size_t unit_len = 0;
    while (unit_len < text.size() && std::isalpha(static_cast<unsigned char>(text[unit_len]))) {
      ++unit_len;
    }
    const std::string_view unit = text.substr(0, unit_len);
    text.remove_prefix(unit_len);
    double scale = 0;
    if (unit == "h") scale = 3600;
    else if (unit == "m") scale = 60;
    else if (unit == "s") scale = 1;
    else if (unit == "ms") scale = 1e-3;
    else if (unit == "us" || unit == "µs") scale = 1e-6;
    else if (unit == "ns") scale = 1e-9;
    else return std::nullopt;
    total += *number * scale;
  }
  return total;
}

std::optional<double> parse_retry_after(std::string_view value, std::time_t now) {
  const std::string trimmed = trim(value);
  value = trimmed;
  if (const auto seconds = parse_number(value)) return seconds;
  const std::string date(value);
  const time_t when = curl_getdate(date.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max(0.0, static_cast<double>(when - now));
}

std::optional<double> server_retry_delay(const std::map<std::string, std::string>& headers,
                                         std::time_t now, bool rate_limited) {
  std::optional<double> hint;
  if (const auto it = headers.find("retry-after-ms"); it != headers.end()) {
    if (const auto ms = parse_number(trim(it->second))) hint = *ms / 1000;
  }
  if (!hint) {
    if (const auto it = headers.find("retry-after"); it != headers.end()) {
      hint = parse_retry_after(it->second, now);
    }
  }
  if (!hint && rate_limited) {
    const auto requests = header_seconds(headers, "x-ratelimit-reset-requests");
    const auto tokens = header_seconds(headers, "x-ratelimit-reset-tokens");
    const bool requests_out = exhausted(headers, "x-ratelimit-remaining-requests");
    const bool tokens_out = exhausted(headers, "x-ratelimit-remaining-tokens");
    if (requests_out != tokens_out) {
      hint = requests_out ? requests : tokens;
    } else if (requests || tokens) {
      hint = std::max(requests.value_or(0), tokens.value_or(0));
    }
  }
  if (hint) hint = std::min(*hint, kMaxServerHintSeconds);
  return hint;
}

double full_jitter_delay(int retry, double base_seconds, double cap_seconds, std::mt19937_64& rng) {
  const double ceiling = std::min(cap_seconds, base_seconds * std::ldexp(1.0, std::min(retry, 30)));
  return std::uniform_real_distribution<double>(0.0, std::max(ceiling, 0.0))(rng);
}

double retry_delay(int retry, std::optional<double> server_hint, double base_seconds,
                   double cap_seconds, std::mt19937_64& rng) {
  if (server_hint) {
    return *server_hint * (1.0 + std::uniform_real_distribution<double>(0.0, 0.1)(rng));
  }
  return full_jitter_delay(retry, base_seconds, cap_seconds, rng);
}

}  // namespace ds::harness
