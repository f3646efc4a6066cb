#pragma once
// Runs untrusted code under bubblewrap: no network, read-only system, private tmpfs, new
// PID/IPC/UTS/user namespaces, die-with-parent, rlimits and a wall-clock timeout that kills
// the whole process group. There is no unsandboxed fallback.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

struct SandboxLimits {
  int cpu_seconds = 10;                    // RLIMIT_CPU per process
  size_t memory_bytes = 1024ull << 20;     // RLIMIT_AS per process
  int max_processes = 16;                  // RLIMIT_NPROC above what the uid already runs
  size_t max_file_bytes = 16ull << 20;     // RLIMIT_FSIZE, and the size of the /tmp tmpfs
  double wall_seconds = 20;                // then the process group is killed
  size_t max_output_bytes = 1ull << 20;    // stdout/stderr beyond this are dropped
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

// bubblewrap is not installed (or not usable): the message says how to install it.
struct SandboxUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Path of the bwrap binary, or nullopt.
std::optional<std::string> find_bwrap();

// Runs argv (argv[0] an absolute path inside the sandbox, e.g. /usr/bin/python3) in the
// sandbox with stdin_data on its standard input. Throws SandboxUnavailable when bwrap is
// missing or cannot create its namespaces.
SandboxResult run_sandboxed(const std::vector<std::string>& argv, const std::string& stdin_data,
                            const SandboxLimits& limits);

}  // namespace ds::scorers
