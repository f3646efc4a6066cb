#pragma once
// A progress line on stderr: redrawn in place on a terminal (at most 5 times a second),
// printed as plain lines every few seconds otherwise (CI logs), nothing when turned off.
#include <cstdio>
#include <string>
#include "harness/layer.hpp"

namespace ds::harness {

class StatusLine {
 public:
  // `out` is normally stderr; a terminal gets the line redrawn in place. `prefix` starts each
  // plain line ("progress: ").
  StatusLine(bool enabled, std::FILE* out, std::string prefix);
  bool enabled() const { return enabled_; }
  // Whether update() at `elapsed` would draw (so callers can skip formatting the text).
  bool due(double elapsed) const { return enabled_ && elapsed - last_ >= interval_; }
  // Shows `text` when due; `elapsed` is seconds since the step began.
  void update(double elapsed, const std::string& text);
  void finish(const std::string& text);  // the final line, always shown

 private:
  bool enabled_;
  std::FILE* out_;
  bool tty_;
  std::string prefix_;
  double interval_;
  double last_;
};

}  // namespace ds::harness
