#pragma once
// One memory budget for a whole sandbox. Where a delegated cgroup v2 memory controller is
// writable the sandbox also gets a cgroup capped at the budget (memory_cgroup.hpp); the split
// below applies everywhere, so the budget holds without one: the two tmpfs (the only writable
// file systems) get fixed sizes, and every process that may exist in the sandbox gets an equal
// RLIMIT_AS share of the rest, with the process count capped so the shares add up to the
// budget.
#include <cstddef>

#include "scorers/coding/sandbox.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct SandboxBudget {
  size_t tmp_bytes = 0;      // size of the /tmp tmpfs
  size_t shm_bytes = 0;      // size of the /dev/shm tmpfs
  size_t process_bytes = 0;  // RLIMIT_AS of every process in the sandbox
  int processes = 0;         // trusted + untrusted processes the budget is split between

  size_t total() const { return tmp_bytes + shm_bytes + process_bytes * processes; }
};

// The smallest address space a Python process of the sandbox can work in.
inline constexpr size_t kMinProcessBytes = 40ull << 20;

// `trusted` counts the processes that are not the untrusted code's: the outer bwrap and what
// runs before the code (bwrap's PID 1 reaper, a supervisor). Throws SandboxUnavailable when the
// budget leaves less than kMinProcessBytes per process.
SandboxBudget split_budget(const SandboxLimits& limits, int trusted);

}  // namespace ds::scorers
