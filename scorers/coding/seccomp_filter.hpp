#pragma once
// The seccomp program every sandboxed process runs under (bwrap --seccomp FD), as classic BPF
// bytes built with libseccomp. It denies (EPERM) what untrusted code has no use for and what
// would let it leave or reshape the sandbox, reach the kernel's riskier interfaces, or leave
// state behind for the next answer: mounts and namespaces (mount*, umount2, pivot_root, chroot,
// unshare, setns, clone with namespace flags; clone3 reads ENOSYS so libc falls back to clone),
// other processes' memory (ptrace, process_vm_*, kcmp, pidfd_getfd, process_madvise), keys
// (keyctl, add_key, request_key), bpf, perf_event_open, userfaultfd, io_uring, file handles,
// modules, kexec, reboot, swap, clocks, System V and POSIX message-queue IPC, memfd_create,
// and changing another process's limits, priority or scheduling. Other architectures' system
// calls kill the process.
#include <string>
#include <vector>

#include "scorers/layer.hpp"

namespace ds::scorers {

// The BPF program (struct sock_filter[]), built once. Throws SandboxUnavailable if libseccomp
// cannot build it.
const std::string& seccomp_program();

// Names of the system calls the program denies outright (for tests and docs).
const std::vector<std::string>& seccomp_denied_syscalls();

}  // namespace ds::scorers
