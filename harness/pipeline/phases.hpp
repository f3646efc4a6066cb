#pragma once
// The phases of a run (requests, scoring, judging, summary, detection) reported as they
// start, move and end, so that the command line can show progress for every phase and what
// each took. The pipeline only reports; printing is the command line's (cli/phase_printer).
#include <cstddef>
#include <functional>
#include <string>

#include "harness/layer.hpp"

namespace ds::harness {

struct PhaseEvent {
  enum class Kind { started, progress, finished };
  Kind kind = Kind::started;
  std::string phase;
  size_t done = 0;
  size_t total = 0;    // 0 when not counted
  double seconds = 0;  // since the phase started
};

// Called from the pipeline's thread, or from a worker thread but never concurrently.
using PhaseObserver = std::function<void(const PhaseEvent&)>;

// One phase: reported started when made, finished by finish() or when it goes out of scope.
class Phase {
 public:
  Phase(const PhaseObserver& observer, std::string name, size_t total = 0);
  ~Phase();
  Phase(const Phase&) = delete;
  Phase& operator=(const Phase&) = delete;

  void progress(size_t done, size_t total);
  void finish(size_t done);  // done: what the phase got through (e.g. answers scored)
  double seconds() const;

 private:
  const PhaseObserver& observer_;
  std::string name_;
  size_t total_;
  double started_;
  bool finished_ = false;
};

}  // namespace ds::harness
