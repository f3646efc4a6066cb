#include "harness/runner/progress.hpp"

#include <fmt/format.h>

#include <cmath>
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::string clock_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string format_progress(const ProgressSnapshot& s) {
  // Cache hits arrive at once; the rate and ETA are about what goes over the network.
  const size_t sent_done = s.done + s.failed - s.from_cache;
  const double rate = s.elapsed_seconds > 0 ? sent_done / s.elapsed_seconds : 0;
  const size_t remaining = s.total - s.done - s.failed;
  const std::string eta = remaining == 0 ? "0:00" : rate > 0 ? clock_text(remaining / rate) : "?";
  std::string line = fmt::format("{}/{} done, {} failed, {} cached, {:.1f} req/s, ETA {}, {} retries, {} in flight",
                                 s.done + s.failed, s.total, s.failed, s.from_cache, rate, eta, s.retries,
                                 s.in_flight);
  if (!s.failures.empty()) line += "; failing: " + s.failures;
  return line;
}

ProgressDisplay::ProgressDisplay(bool enabled, std::FILE* out) : line_(enabled, out, "progress: ") {}

void ProgressDisplay::update(const ProgressSnapshot& s) {
  if (line_.due(s.elapsed_seconds)) line_.update(s.elapsed_seconds, format_progress(s));
}

void ProgressDisplay::finish(const ProgressSnapshot& s) {
  line_.finish(fmt::format("{} in {:.1f} s", format_progress(s), s.elapsed_seconds));
}

}  // namespace ds::harness
