#pragma once
// Scores coding answers one at a time through two long-lived sandboxes (one pair per worker):
//   the answers' sandbox  bwrap with the budget of SandboxLimits; its PID 1 is a trusted Python
//                         supervisor that forks one fresh process per answer (own empty working
//                         directory on the private tmpfs, the answer's rlimits, default signals,
//                         nothing open but two pipes) and afterwards kills every other process
//                         of the sandbox, removes the directory and checks nothing is left; a
//                         sandbox that is not clean is replaced.
//   the judge's sandbox   a trusted Python judge alone in a sandbox of its own: no answer can
//                         signal it or read its memory. It alone reads the tests, counts them,
//                         evaluates every statement and writes the results; calls into the
//                         answer go over the answer's pipes as plain data.
// Per answer we pass fresh pipes to both over their control sockets, send the judge the code and
// tests, and read its results (one write once the answer is judged). The wall clock ends the
// answer (the supervisor kills it). What an answer costs and why: docs/scorers.md.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/coding/sandbox.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct JudgedRun {
  std::vector<json> records;  // the judge's lines in order: plan, load, test, setup, tests
  bool done = false;          // the judge finished
  bool timed_out = false;     // the wall clock ran out first
  std::string failure;        // why the run ended before the judge finished
  double wall_ms = 0;
};

class CodingSandbox {
 public:
  explicit CodingSandbox(const SandboxLimits& limits);
  ~CodingSandbox();
  CodingSandbox(const CodingSandbox&) = delete;
  CodingSandbox& operator=(const CodingSandbox&) = delete;

  // Runs one answer's code against the tests. Throws SandboxUnavailable when a sandbox cannot
  // be started (or could not start the answer's process); everything the answer does ends in
  // the returned run.
  JudgedRun run(const std::string& code, const std::string& tests);

  const SandboxLimits& limits() const { return limits_; }

  struct Program;   // one long-lived sandboxed program (coding_sandbox.cpp)
  struct JobState;  // what one answer's run has produced so far

 private:
  using Clock = std::chrono::steady_clock;
  void start();
  void send_job(int job_fd, int request[2], int reply[2]);
  void converse(int& job_fd, const std::string& body, Clock::time_point wall_deadline,
                JobState& state);
  SandboxLimits limits_;
  std::unique_ptr<Program> supervisor_, judge_;
};

}  // namespace ds::scorers
