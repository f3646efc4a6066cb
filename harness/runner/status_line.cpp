#include "harness/runner/status_line.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include "harness/layer.hpp"

namespace ds::harness {

StatusLine::StatusLine(bool enabled, std::FILE* out, std::string prefix)
    : enabled_(enabled && out != nullptr),
      out_(out),
      tty_(out != nullptr && isatty(fileno(out))),
      prefix_(std::move(prefix)),
      interval_(tty_ ? 0.2 : 5.0),
      last_(tty_ ? -1e300 : 0.0) {}  // plain lines start after the first interval

void StatusLine::update(double elapsed, const std::string& text) {
  if (!enabled_ || elapsed - last_ < interval_) return;
  last_ = elapsed;
  if (tty_) {
    fmt::print(out_, "\r\x1b[2K{}", text);
  } else {
    fmt::print(out_, "{}{}\n", prefix_, text);
  }
  std::fflush(out_);
}

void StatusLine::finish(const std::string& text) {
  if (!enabled_) return;
  if (tty_) {
    fmt::print(out_, "\r\x1b[2K{}\n", text);
  } else {
    fmt::print(out_, "{}{}\n", prefix_, text);
  }
  std::fflush(out_);
}

}  // namespace ds::harness
