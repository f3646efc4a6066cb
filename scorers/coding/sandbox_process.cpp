#include "scorers/coding/sandbox_process.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "scorers/coding/seccomp_filter.hpp"

namespace ds::scorers {

namespace {

constexpr uid_t kNobody = 65534;
constexpr rlim_t kSandboxFiles = 256;

// Processes whose real uid is `uid`: RLIMIT_NPROC counts them too, so the limit must sit
// above what that uid already runs for the sandbox to start at all.
int count_processes_of(uid_t uid) {
  int count = 0;
  DIR* dir = ::opendir("/proc");
  if (!dir) return 0;
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream status(std::string("/proc/") + entry->d_name + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("Uid:", 0) == 0) {
        std::istringstream fields(line.substr(4));
        uid_t real = 0;
        if (fields >> real && real == uid) ++count;
        break;
      }
    }
  }
  ::closedir(dir);
  return count;
}

// Everything the child needs, prepared before fork: after fork only async-signal-safe calls.
struct ChildPlan {
  std::vector<std::string> args;
  std::vector<char*> argv;
  std::vector<int> sources;  // become fds 0, 1, 2, 3 (seccomp program)
  rlim_t cpu = RLIM_INFINITY, as = 0, fsize = 0, nproc = 0;
  int cgroup_procs = -1;
};

void set_limit(int resource, rlim_t value) {
  const rlimit lim{value, value};
  ::setrlimit(resource, &lim);
}

[[noreturn]] void die(const char* message) {
  [[maybe_unused]] auto n = ::write(2, message, std::strlen(message));
  ::_exit(127);
}

[[noreturn]] void exec_child(const ChildPlan& plan) {
  ::setpgid(0, 0);
  // Move every source above the targets first, so no dup2 overwrites a source still needed.
  int moved[4];
  for (size_t i = 0; i < plan.sources.size(); ++i) {
    moved[i] = ::fcntl(plan.sources[i], F_DUPFD_CLOEXEC, 10);
    if (moved[i] < 0) die("bwrap: cannot prepare file descriptors\n");
  }
  for (size_t i = 0; i < plan.sources.size(); ++i) ::dup2(moved[i], static_cast<int>(i));
  if (plan.cgroup_procs >= 0 && ::write(plan.cgroup_procs, "0", 1) != 1)
    die("bwrap: cannot join the sandbox's memory cgroup\n");
  ::close_range(4, ~0u, 0);
  set_limit(RLIMIT_CPU, plan.cpu);
  set_limit(RLIMIT_AS, plan.as);
  set_limit(RLIMIT_FSIZE, plan.fsize);
  set_limit(RLIMIT_NOFILE, kSandboxFiles);
  set_limit(RLIMIT_CORE, 0);
  if (::geteuid() == 0 &&
      (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
    die("bwrap: cannot drop root privileges before sandboxing\n");
  set_limit(RLIMIT_NPROC, plan.nproc);
  // bwrap must not inherit our environment: its /proc/PID/environ would be readable from
  // inside, and the API keys live there. The sandbox gets one built from nothing.
  char* minimal_env[] = {const_cast<char*>("PATH=/usr/bin:/bin"), const_cast<char*>("HOME=/tmp"),
                         const_cast<char*>("LANG=C.UTF-8"), nullptr};
  ::execve(plan.argv[0], plan.argv.data(), minimal_env);
  die("bwrap: exec failed\n");
}

// A pipe holding the seccomp program, read end returned (the program is a few hundred bytes).
int seccomp_pipe() {
  const std::string& program = seccomp_program();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw SandboxUnavailable(std::string("cannot create a pipe: ") + std::strerror(errno));
  const bool written = ::write(fds[1], program.data(), program.size()) ==
                       static_cast<ssize_t>(program.size());
  ::close(fds[1]);
  if (!written) {
    ::close(fds[0]);
    throw SandboxUnavailable("cannot pass the seccomp program to bwrap");
  }
  return fds[0];
}

}  // namespace

SandboxProcess::SandboxProcess(const SandboxLimits& limits, const SandboxSpawn& spawn)
    : budget_(split_budget(limits, spawn.trusted_processes)) {
  const std::string bwrap = require_bwrap();
  cgroup_ = MemoryCgroup::create(budget_.total(), budget_.processes);
  ChildPlan plan;
  plan.args = bwrap_arguments(bwrap, budget_, spawn.layout, spawn.command);
  for (auto& a : plan.args) plan.argv.push_back(a.data());
  plan.argv.push_back(nullptr);
  plan.cpu = spawn.limit_cpu ? static_cast<rlim_t>(limits.cpu_seconds) : RLIM_INFINITY;
  plan.as = budget_.process_bytes;
  plan.fsize = limits.max_file_bytes;
  const uid_t uid = ::geteuid() == 0 ? kNobody : ::getuid();
  plan.nproc = static_cast<rlim_t>(count_processes_of(uid) + spawn.process_allowance);
  plan.cgroup_procs = cgroup_ ? cgroup_->procs_fd() : -1;
  const int program = seccomp_pipe();
  plan.sources = {spawn.stdin_fd, spawn.stdout_fd, spawn.stderr_fd, program};
  pid_ = ::fork();
  if (pid_ == 0) exec_child(plan);
  ::close(program);
  if (pid_ < 0) throw SandboxUnavailable(std::string("fork failed: ") + std::strerror(errno));
  ::setpgid(pid_, pid_);  // also here, so killpg works whoever runs first
}

SandboxProcess::~SandboxProcess() { kill_and_reap(); }

bool SandboxProcess::poll_exit() {
  if (!reaped_ && ::waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
  return reaped_;
}

void SandboxProcess::kill_and_reap() {
  if (pid_ <= 0) return;
  ::killpg(pid_, SIGKILL);  // nothing may outlive the sandbox (ESRCH when all is gone already)
  if (!reaped_ && ::waitpid(pid_, &status_, 0) == pid_) reaped_ = true;
}

}  // namespace ds::scorers
