#pragma once
// Runs untrusted code under bubblewrap: no network, read-only root and /dev, private size-limited
// /tmp and /dev/shm, new PID/IPC/UTS/user/cgroup namespaces with no nested user namespaces, a
// seccomp filter, no capabilities, an environment built from nothing, one memory budget for the
// whole sandbox (sandbox_budget.hpp), die-with-parent and a wall-clock timeout that kills the
// whole process group. There is no unsandboxed fallback anywhere.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

struct SandboxLimits {
  size_t memory_bytes = 1024ull << 20;  // the whole sandbox: every process and its files
  int max_processes = 8;                // processes (and threads) the untrusted code may hold
  int cpu_seconds = 10;                 // RLIMIT_CPU per untrusted process
  // Each test's call into the answer (at most cpu_seconds / 2). lm-evaluation-harness's
  // code_eval gives a whole program 3 s; an answer looping forever costs 3 s per test.
  int test_seconds = 3;
  size_t max_file_bytes = 16ull << 20;  // RLIMIT_FSIZE and the size of /tmp (/dev/shm: 1/4)
  double wall_seconds = 20;             // then everything is killed
  size_t max_output_bytes = 1ull << 20; // output (and each message of an answer) beyond this is cut

  bool operator==(const SandboxLimits&) const = default;
};

struct SandboxResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
  bool output_truncated = false;
  std::string out;
  std::string err;
  double wall_ms = 0;
};

// bubblewrap is not installed or cannot create the sandbox: the message says how to fix it.
struct SandboxUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Path of the bwrap binary (DISTILLSCOPE_BWRAP, then PATH, then /usr/bin/bwrap), or nullopt.
std::optional<std::string> find_bwrap();

// The bwrap binary, or SandboxUnavailable saying how to install it.
std::string require_bwrap();

// Runs argv (argv[0] an absolute path inside the sandbox, e.g. /usr/bin/python3) once in a
// fresh sandbox with stdin_data on its standard input. Throws SandboxUnavailable when bwrap
// is missing or cannot create the sandbox.
SandboxResult run_sandboxed(const std::vector<std::string>& argv, const std::string& stdin_data,
                            const SandboxLimits& limits);

}  // namespace ds::scorers
