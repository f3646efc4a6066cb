#include "harness/runner/step_progress.hpp"

#include <fmt/format.h>

#include <cmath>
#include "harness/layer.hpp"

namespace ds::harness {

std::string count_with_rate(size_t done, size_t total, double rate) {
  std::string eta = "?";
  if (done >= total) {
    eta = "0:00";
  } else if (rate > 0) {
    const long s = std::lround(static_cast<double>(total - done) / rate);
    eta = fmt::format("{}:{:02}", s / 60, s % 60);
  }
  return fmt::format("{}/{} ({:.1f}/s, ETA {})", done, total, rate, eta);
}

StepProgress::StepProgress(std::string title, bool enabled, std::FILE* out)
    : title_(std::move(title)), line_(enabled, out, "") {}

double StepProgress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

ProgressFn StepProgress::fn() {
  if (!line_.enabled()) return {};
  return [this](const std::string& stage, size_t done, size_t total) { report(stage, done, total); };
}

void StepProgress::report(const std::string& stage, size_t done, size_t total) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const double now = elapsed();
  if (stage != stage_) {
    stage_ = stage;
    stage_start_ = now;
    stage_first_done_ = done;
  }
  if (!line_.due(now)) return;
  const double seconds = now - stage_start_;
  const double rate = seconds > 0 && done >= stage_first_done_
                          ? static_cast<double>(done - stage_first_done_) / seconds
                          : 0;
  line_.update(now, fmt::format("{}: {} {}", title_, stage, count_with_rate(done, total, rate)));
}

void StepProgress::finish(const std::string& summary) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (elapsed() < 1.0) return;  // a quick step needs no account of itself
  line_.finish(fmt::format("{}: {} in {:.1f} s", title_, summary, elapsed()));
}

}  // namespace ds::harness
