#include <doctest/doctest.h>

#include "scorers/coding/memory_cgroup.hpp"

using namespace ds::scorers;

TEST_CASE("the cgroup v2 directory is found from /proc/self/cgroup and mountinfo") {
  const std::string hybrid_cgroup = "4:memory:/user.slice\n0::/user.slice/session-1.scope\n";
  const std::string hybrid_mounts =
      "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
      "31 25 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
  CHECK(cgroup2_directory(hybrid_cgroup, hybrid_mounts) ==
        "/sys/fs/cgroup/unified/user.slice/session-1.scope");
  // A container's own cgroup namespace: the process sits at the root of the mount.
  CHECK(cgroup2_directory("0::/\n", "40 30 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n") ==
        "/sys/fs/cgroup");
  // A mount of a subtree: its root is cut from the process's path.
  CHECK(cgroup2_directory("0::/ci/job-7\n", "40 30 0:30 /ci /sys/fs/cgroup rw - cgroup2 none rw\n") ==
        "/sys/fs/cgroup/job-7");
  CHECK_FALSE(cgroup2_directory("4:memory:/x\n", hybrid_mounts));  // cgroup v1 only
  CHECK_FALSE(cgroup2_directory("0::/x\n", "30 25 0:26 / /sys/fs/cgroup/memory rw - cgroup cgroup rw\n"));
}

TEST_CASE("a controller counts only when cgroup.subtree_control enables it") {
  CHECK(controller_enabled("cpu io memory pids\n", "memory"));
  CHECK_FALSE(controller_enabled("hugetlb\n", "memory"));
  CHECK_FALSE(controller_enabled("memoryx\n", "memory"));
  CHECK_FALSE(controller_enabled("", "memory"));
}
