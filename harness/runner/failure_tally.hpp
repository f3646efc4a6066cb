#pragma once
// One endpoint's failures grouped by cause, each with its latest message: what the progress
// line shows live and the run prints at the end.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "harness/runner/failure_cause.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct CauseCount {
  size_t attempts = 0;  // failed attempts, retried ones included
  size_t given_up = 0;  // requests reported failed with this cause
  std::string last_message;
};

class FailureTally {
 public:
  void attempt_failed(FailureCause cause, const std::string& message);
  void request_failed(FailureCause cause) { ++causes_[cause].given_up; }
  bool empty() const { return causes_.empty(); }
  const std::map<FailureCause, CauseCount>& causes() const { return causes_; }

  // "timeout 3, key refused (HTTP 401/403) 1": causes by failed attempts, most first.
  std::string short_text() const;

  // One line per cause: "timeout: 3 attempts, 1 request given up; last: ...".
  std::vector<std::string> lines() const;

 private:
  std::map<FailureCause, CauseCount> causes_;
};

}  // namespace ds::harness
