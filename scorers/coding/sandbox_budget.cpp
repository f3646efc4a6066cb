#include "scorers/coding/sandbox_budget.hpp"

#include <fmt/format.h>

namespace ds::scorers {

SandboxBudget split_budget(const SandboxLimits& limits, int trusted) {
  SandboxBudget budget;
  budget.tmp_bytes = limits.max_file_bytes;
  budget.shm_bytes = limits.max_file_bytes / 4;
  budget.processes = trusted + limits.max_processes;
  const size_t files = budget.tmp_bytes + budget.shm_bytes;
  const size_t left = limits.memory_bytes > files ? limits.memory_bytes - files : 0;
  budget.process_bytes = budget.processes > 0 ? left / static_cast<size_t>(budget.processes) : 0;
  budget.process_bytes &= ~size_t{4095};  // whole pages
  if (limits.max_processes < 1 || budget.process_bytes < kMinProcessBytes)
    throw SandboxUnavailable(fmt::format(
        "a sandbox memory budget of {} MiB cannot hold {} processes of at least {} MiB plus {} MiB "
        "of files; raise the budget or lower max_processes",
        limits.memory_bytes >> 20, budget.processes, kMinProcessBytes >> 20, files >> 20));
  return budget;
}

}  // namespace ds::scorers
