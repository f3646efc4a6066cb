#pragma once
// The runner's progress on stderr: one updating line on a terminal, plain lines every few
// seconds otherwise (CI logs), nothing when turned off.
#include <cstddef>
#include <cstdio>
#include <string>
#include "harness/layer.hpp"

#include "harness/runner/status_line.hpp"

namespace ds::harness {

struct ProgressSnapshot {
  size_t total = 0;
  size_t done = 0;    // answered, including from the cache
  size_t failed = 0;  // given up after retries, or refused by the endpoint
  size_t from_cache = 0;
  size_t retries = 0;
  size_t in_flight = 0;
  double elapsed_seconds = 0;
  std::string failures;  // failure causes so far ("timeout 3, key refused (HTTP 401/403) 1")
};

// "1200/20000 done, 3 failed, 0 cached, 812.4 req/s, ETA 0:23, 17 retries, 256 in flight",
// then "; failing: CAUSES" when attempts have failed.
std::string format_progress(const ProgressSnapshot& s);

class ProgressDisplay {
 public:
  // `out` is normally stderr; a terminal gets the updating line.
  ProgressDisplay(bool enabled, std::FILE* out);
  void update(const ProgressSnapshot& s);  // cheap to call often; redraws when due
  void finish(const ProgressSnapshot& s);  // the final line

 private:
  StatusLine line_;
};

}  // namespace ds::harness
