#include "harness/pipeline/phases.hpp"

#include <chrono>

namespace ds::harness {

namespace {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Phase::Phase(const PhaseObserver& observer, std::string name, size_t total)
    : observer_(observer), name_(std::move(name)), total_(total), started_(monotonic_seconds()) {
  if (observer_) observer_({PhaseEvent::Kind::started, name_, 0, total_, 0});
}

Phase::~Phase() {
  if (!finished_) finish(total_);
}

double Phase::seconds() const { return monotonic_seconds() - started_; }

void Phase::progress(size_t done, size_t total) {
  if (observer_) observer_({PhaseEvent::Kind::progress, name_, done, total, seconds()});
}

void Phase::finish(size_t done) {
  if (finished_) return;
  finished_ = true;
  if (observer_) observer_({PhaseEvent::Kind::finished, name_, done, total_, seconds()});
}

}  // namespace ds::harness
