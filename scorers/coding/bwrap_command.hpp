#pragma once
// The bwrap command line of a sandbox: every namespace unshared (no network, not even
// loopback), no nested user namespaces where the installed bwrap can forbid them
// (--disable-userns, checked in `bwrap --help`), no capabilities, uid/gid 65534, /usr read-only
// (with /lib, /lib64, /bin, /sbin as the host has them), fresh /proc, read-only root and /dev,
// /tmp and /dev/shm as tmpfs of the budget's sizes, an environment of PATH, HOME and LANG only
// (plus the layout's own settings, never a value of ours), and the seccomp program on a file
// descriptor.
#include <string>
#include <utility>
#include <vector>

#include "scorers/coding/sandbox_budget.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct BwrapLayout {
  bool as_pid_1 = false;  // the command is the sandbox's PID 1 (no bwrap reaper): it cannot be
                          // signalled from inside, and orphans come back to it
  int seccomp_fd = 3;     // where the child finds the seccomp program
  // More variables of the sandbox's environment (constants: loader and allocator settings).
  std::vector<std::pair<std::string, std::string>> env;
};

// Whether `bwrap --help` lists the flag (asked once per binary).
bool bwrap_supports(const std::string& bwrap, const std::string& flag);

// argv for execve: bwrap, its options, then the command to run inside.
std::vector<std::string> bwrap_arguments(const std::string& bwrap, const SandboxBudget& budget,
                                         const BwrapLayout& layout,
                                         const std::vector<std::string>& command);

}  // namespace ds::scorers
