#include "scorers/coding/seccomp_filter.hpp"

#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "scorers/coding/sandbox.hpp"

namespace ds::scorers {

namespace {

using Filter = std::unique_ptr<void, void (*)(scmp_filter_ctx)>;

[[noreturn]] void fail(const std::string& what, int rc) {
  throw SandboxUnavailable("cannot build the sandbox's seccomp filter (" + what + ": " +
                           std::strerror(-rc) + ")");
}

void check(int rc, const std::string& what) {
  if (rc < 0) fail(what, rc);
}

// Rules that deny a call only when it targets another process (argument `arg` != 0 means a
// pid other than the caller's own).
void deny_unless_self(scmp_filter_ctx ctx, const char* name, unsigned arg) {
  const int nr = seccomp_syscall_resolve_name(name);
  if (nr == __NR_SCMP_ERROR) return;
  check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 1, SCMP_CMP(arg, SCMP_CMP_NE, 0)), name);
}

std::string export_program(scmp_filter_ctx ctx) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) fail("pipe", -errno);
  const int rc = seccomp_export_bpf(ctx, fds[1]);  // a few hundred bytes: fits the pipe
  ::close(fds[1]);
  std::string program;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) program.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  check(rc, "export");
  return program;
}

std::string build_program() {
  Filter ctx(seccomp_init(SCMP_ACT_ALLOW), seccomp_release);
  if (!ctx) throw SandboxUnavailable("cannot build the sandbox's seccomp filter (seccomp_init)");
  check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), "badarch");
  for (const auto& name : seccomp_denied_syscalls()) {
    const int nr = seccomp_syscall_resolve_name(name.c_str());
    if (nr == __NR_SCMP_ERROR) continue;  // not a system call on this architecture
    check(seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(EPERM), nr, 0), name);
  }
  check(seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "clone3");
  for (const unsigned long flag : {CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
                                   CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWCGROUP})
    check(seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                           SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)),
          "clone");
  deny_unless_self(ctx.get(), "prlimit64", 0);
  deny_unless_self(ctx.get(), "setpriority", 1);
  deny_unless_self(ctx.get(), "ioprio_set", 1);
  for (const char* name : {"sched_setaffinity", "sched_setscheduler", "sched_setparam",
                           "sched_setattr"})
    deny_unless_self(ctx.get(), name, 0);
  return export_program(ctx.get());
}

}  // namespace

const std::vector<std::string>& seccomp_denied_syscalls() {
  static const std::vector<std::string> names = {
      // mounts, namespaces, the root
      "mount", "umount2", "mount_setattr", "move_mount", "open_tree", "fsopen", "fsconfig",
      "fsmount", "fspick", "pivot_root", "chroot", "unshare", "setns",
      // other processes' memory
      "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
      "process_madvise", "process_mrelease",
      // keys, bpf, tracing, async I/O rings, page-fault handlers
      "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd",
      "io_uring_setup", "io_uring_enter", "io_uring_register", "fanotify_init",
      // file handles, modules, kexec, reboot, swap, accounting, quotas, logs
      "name_to_handle_at", "open_by_handle_at", "init_module", "finit_module", "delete_module",
      "kexec_load", "kexec_file_load", "reboot", "swapon", "swapoff", "acct", "quotactl",
      "quotactl_fd", "syslog", "vhangup", "lookup_dcookie", "nfsservctl", "_sysctl", "sysfs",
      "ustat", "uselib", "iopl", "ioperm", "modify_ldt", "personality",
      // host clocks and names
      "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname",
      "setdomainname",
      // memory placement
      "mbind", "set_mempolicy", "set_mempolicy_home_node", "migrate_pages", "move_pages",
      // state that would outlive an answer in a reused sandbox, or escape the memory budget
      "shmget", "shmat", "shmdt", "shmctl", "semget", "semop", "semtimedop", "semctl", "msgget",
      "msgsnd", "msgrcv", "msgctl", "mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive",
      "mq_notify", "mq_getsetattr", "memfd_create", "memfd_secret"};
  return names;
}

const std::string& seccomp_program() {
  static const std::string program = build_program();
  return program;
}

}  // namespace ds::scorers
