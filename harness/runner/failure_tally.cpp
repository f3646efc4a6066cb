#include "harness/runner/failure_tally.hpp"

#include <fmt/format.h>

#include <algorithm>
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::vector<std::pair<FailureCause, CauseCount>> by_attempts(const std::map<FailureCause, CauseCount>& causes) {
  std::vector<std::pair<FailureCause, CauseCount>> sorted(causes.begin(), causes.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.attempts > b.second.attempts; });
  return sorted;
}

// Messages can hold a whole HTML error page: one line, bounded.
std::string one_line(const std::string& text) {
  constexpr size_t kMax = 200;
  std::string out;
  for (char c : text) {
    if (out.size() >= kMax) {
      out += "...";
      break;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

}  // namespace

void FailureTally::attempt_failed(FailureCause cause, const std::string& message) {
  CauseCount& count = causes_[cause];
  ++count.attempts;
  count.last_message = one_line(message);
}

std::string FailureTally::short_text() const {
  std::string out;
  for (const auto& [cause, count] : by_attempts(causes_))
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", cause_label(cause), count.attempts);
  return out;
}

std::vector<std::string> FailureTally::lines() const {
  std::vector<std::string> out;
  for (const auto& [cause, count] : by_attempts(causes_))
    out.push_back(fmt::format("{}: {} failed attempt{}, {} request{} given up; last: {}", cause_label(cause),
                              count.attempts, count.attempts == 1 ? "" : "s", count.given_up,
                              count.given_up == 1 ? "" : "s", count.last_message));
  return out;
}

}  // namespace ds::harness
