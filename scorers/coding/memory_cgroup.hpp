#pragma once
// A cgroup v2 for one sandbox, capped at its memory budget (memory.max, no swap) and process
// count (pids.max), where this process's own cgroup v2 has the memory controller enabled for
// its children and is writable by us (a delegated subtree, or a container's writable root).
// Elsewhere there is none and sandbox_budget.hpp's split alone bounds the sandbox.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "scorers/layer.hpp"

namespace ds::scorers {

// The directory of this process's cgroup v2 given the texts of /proc/self/cgroup and
// /proc/self/mountinfo, or nullopt (no cgroup v2 entry or mount).
std::optional<std::string> cgroup2_directory(const std::string& proc_self_cgroup,
                                             const std::string& mountinfo);

// Whether a cgroup.subtree_control text enables the controller.
bool controller_enabled(const std::string& subtree_control, const std::string& controller);

class MemoryCgroup {
 public:
  // A new child cgroup of ours with the caps, or nullptr where none can be made.
  static std::unique_ptr<MemoryCgroup> create(size_t memory_bytes, int max_pids);
  ~MemoryCgroup();
  MemoryCgroup(const MemoryCgroup&) = delete;
  MemoryCgroup& operator=(const MemoryCgroup&) = delete;

  // An open cgroup.procs: the sandbox's first process writes "0" to it to join before exec.
  int procs_fd() const { return procs_fd_; }
  const std::string& path() const { return path_; }

 private:
  MemoryCgroup(std::string path, int procs_fd) : path_(std::move(path)), procs_fd_(procs_fd) {}
  std::string path_;
  int procs_fd_ = -1;
};

}  // namespace ds::scorers
