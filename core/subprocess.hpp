#pragma once
// Starting and stopping child processes: one fork/exec for the built-in server, the demo and
// the tests (the coding sandbox adds rlimits and privileges of its own around the same calls).
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace ds::core {

// The child's standard streams; -1 means /dev/null.
struct ChildStreams {
  int in = -1;
  int out = -1;
  int err = -1;
};

// Forks and execs argv[0] (a path) with argv; the child starts in `working_dir` when given.
// Descriptors in `streams` stay the caller's to close. Throws std::runtime_error when fork fails;
// a child that cannot exec exits with 127.
pid_t spawn_process(const std::vector<std::string>& argv, const ChildStreams& streams,
                    const std::string& working_dir = "");

// Waits for the child; its exit code, or 128 + the signal that ended it.
int wait_process(pid_t pid);

// SIGTERM, then SIGKILL if it is still running after `grace`; always reaps.
void stop_process(pid_t pid, std::chrono::milliseconds grace);

}  // namespace ds::core
