#pragma once
// One running bubblewrap sandbox: started with an environment built from nothing (the API
// keys live in ours, and bwrap is the sandbox's PID 1 or its parent), in its own process
// group, as uid 65534 when we are root (root is exempt from RLIMIT_NPROC), in a memory cgroup
// where one can be made, with every process's limits set from the budget. Destroying it kills
// the process group and reaps it.
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "scorers/coding/bwrap_command.hpp"
#include "scorers/coding/memory_cgroup.hpp"
#include "scorers/coding/sandbox_budget.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct SandboxSpawn {
  std::vector<std::string> command;  // run inside: argv[0] an absolute path
  BwrapLayout layout;
  int trusted_processes = 2;     // processes before the untrusted code (see split_budget)
  int process_allowance = 0;     // RLIMIT_NPROC: processes above what our uid already runs
  bool limit_cpu = true;         // RLIMIT_CPU = cpu_seconds for every process (else none:
                                 // a long-lived supervisor sets it for each answer itself)
  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;  // become 0, 1, 2 inside
};

class SandboxProcess {
 public:
  // Throws SandboxUnavailable when bwrap is missing or the sandbox cannot be started.
  SandboxProcess(const SandboxLimits& limits, const SandboxSpawn& spawn);
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess&) = delete;
  SandboxProcess& operator=(const SandboxProcess&) = delete;

  pid_t pid() const { return pid_; }
  const SandboxBudget& budget() const { return budget_; }
  bool in_cgroup() const { return cgroup_ != nullptr; }

  // Reaps the process if it has ended; true once it has. `status` as from waitpid.
  bool poll_exit();
  // Kills the whole process group (everything the sandbox started) and reaps bwrap.
  void kill_and_reap();
  int status() const { return status_; }

 private:
  SandboxBudget budget_;
  std::unique_ptr<MemoryCgroup> cgroup_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace ds::scorers
