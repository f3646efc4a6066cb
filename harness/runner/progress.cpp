#include "harness/runner/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

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
  return fmt::format("{}/{} done, {} failed, {} cached, {:.1f} req/s, ETA {}, {} retries, {} in flight",
                     s.done + s.failed, s.total, s.failed, s.from_cache, rate, eta, s.retries,
                     s.in_flight);
}

ProgressDisplay::ProgressDisplay(bool enabled, std::FILE* out)
    : enabled_(enabled && out != nullptr),
      out_(out),
      tty_(out != nullptr && isatty(fileno(out))),
      interval_(tty_ ? 0.2 : 5.0),
      last_(tty_ ? -1e300 : 0.0) {}  // plain lines start after the first interval

void ProgressDisplay::update(const ProgressSnapshot& s) {
  if (!enabled_ || s.elapsed_seconds - last_ < interval_) return;
  last_ = s.elapsed_seconds;
  if (tty_) {
    fmt::print(out_, "\r\x1b[2K{}", format_progress(s));
  } else {
    fmt::print(out_, "progress: {}\n", format_progress(s));
  }
  std::fflush(out_);
}

void ProgressDisplay::finish(const ProgressSnapshot& s) {
  if (!enabled_) return;
  if (tty_) {
    fmt::print(out_, "\r\x1b[2K{} in {:.1f} s\n", format_progress(s), s.elapsed_seconds);
  } else {
    fmt::print(out_, "progress: {} in {:.1f} s\n", format_progress(s), s.elapsed_seconds);
  }
  std::fflush(out_);
}

}  // namespace ds::harness
