#pragma once
// The progress line of a step that is not the runner: scoring by suite, import, feature
// computation, lineage. "scoring: coding 120/416 (35.2/s, ETA 0:08)".
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/progress_fn.hpp"
#include "harness/runner/status_line.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

class StepProgress {
 public:
  StepProgress(std::string title, bool enabled, std::FILE* out = stderr);

  // The function handed to the step; safe to call from several threads.
  ProgressFn fn();

  // Ends the line with a summary ("scoring: 1624 responses in 12.3 s"); nothing when the
  // step took less than a second.
  void finish(const std::string& summary);

 private:
  void report(const std::string& stage, size_t done, size_t total);
  double elapsed() const;

  std::string title_;
  StatusLine line_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::string stage_;
  double stage_start_ = 0;
  size_t stage_first_done_ = 0;
};

// "12/40 (3.1/s, ETA 0:09)": a count, its rate per second and the time left at that rate.
std::string count_with_rate(size_t done, size_t total, double rate);

}  // namespace ds::harness
