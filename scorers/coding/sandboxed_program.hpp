#pragma once
// A trusted Python program running for a long time in a sandbox of its own (`python3 -I -S -c
// PROGRAM` as the sandbox's PID 1, with the system's python3: sandbox_python.hpp): commands go to it over a control socket on its fd 0 (small
// messages, each with file descriptors attached), it answers in JSON lines on stdout; its
// stderr is kept as a short tail for error messages.
#include <chrono>
#include <string>
#include <vector>

#include "scorers/coding/sandbox_process.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

class SandboxedProgram {
 public:
  using Clock = std::chrono::steady_clock;

  // Starts it and waits for its {"stage": "ready"} line; SandboxUnavailable (with its stderr)
  // when it does not come by the deadline.
  SandboxedProgram(const std::string& name, const SandboxLimits& limits, const std::string& program,
                   int process_allowance, Clock::time_point deadline);
  ~SandboxedProgram();
  SandboxedProgram(const SandboxedProgram&) = delete;
  SandboxedProgram& operator=(const SandboxedProgram&) = delete;

  // One message on the control socket, with `fds` passed along. False when it has gone.
  bool send(const std::string& message, const std::vector<int>& fds = {});

  // False once the sandbox has ended (it is reaped then).
  bool alive() { return !process_.poll_exit(); }

  int out_fd() const { return fds_.out; }
  int err_fd() const { return fds_.err; }
  // Reads what stdout has (non-blocking); complete lines go to `lines`. False once it ended.
  bool read_lines(std::vector<std::string>& lines);
  void drain_err();
  std::string err_tail() const { return err_tail_; }
  const SandboxBudget& budget() const { return process_.budget(); }

 private:
  // Our ends and the sandbox's ends (closed once it has them); all closed on destruction.
  struct Fds {
    int control = -1, their_control = -1, out = -1, their_out = -1, err = -1, their_err = -1;
    Fds();
    ~Fds();
    Fds(const Fds&) = delete;
    Fds& operator=(const Fds&) = delete;
    void close_theirs();
  };

  std::string name_;
  Fds fds_;
  SandboxProcess process_;
  std::string partial_, err_tail_;
};

}  // namespace ds::scorers
