#pragma once
// Shows a run's phases on standard error: a line when each starts, its count while it runs
// (one updating line on a terminal, a line every 5 s otherwise) and its time when it ends.
// The times are kept for the closing table of `demo`.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "harness/pipeline/phases.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

class PhasePrinter {
 public:
  explicit PhasePrinter(std::FILE* out = stderr);

  // Passes events to this printer; it must outlive the observer's use.
  PhaseObserver observer();
  void on_event(const PhaseEvent& event);

  // "phase  seconds" lines, in the order the phases ended, and their sum.
  std::string times_table() const;
  const std::vector<std::pair<std::string, double>>& times() const { return times_; }

 private:
  std::FILE* out_;
  bool tty_;
  double last_progress_ = -1e300;
  bool line_open_ = false;  // an updating progress line is on screen
  std::vector<std::pair<std::string, double>> times_;
};

}  // namespace ds::harness::cli
