#include "scorers/coding/sandbox.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;
constexpr const char* kInstallHint =
    "the coding scorer runs answers only inside bubblewrap; install it with "
    "`apt-get install bubblewrap` (there is no unsandboxed fallback)";

bool executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

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

// /lib, /lib64, /bin, /sbin are symlinks into /usr on merged-/usr systems, directories on
// older ones; mirror whichever the host has.
void add_system_dirs(std::vector<std::string>& args) {
  args.insert(args.end(), {"--ro-bind", "/usr", "/usr"});
  for (const char* dir : {"/lib", "/lib64", "/bin", "/sbin"}) {
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (ec || !fs::exists(status)) continue;
    if (fs::is_symlink(status)) {
      args.insert(args.end(), {"--symlink", fs::read_symlink(dir).string(), dir});
    } else {
      args.insert(args.end(), {"--ro-bind", dir, dir});
    }
  }
}

std::vector<std::string> bwrap_args(const std::string& bwrap, const SandboxLimits& limits,
                                    const std::vector<std::string>& argv) {
  std::vector<std::string> args = {bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                                   "--cap-drop", "ALL", "--uid", std::to_string(kNobody),
                                   "--gid", std::to_string(kNobody), "--hostname", "sandbox"};
  add_system_dirs(args);
  args.insert(args.end(), {"--proc", "/proc", "--dev", "/dev", "--size",
                           std::to_string(limits.max_file_bytes), "--tmpfs", "/tmp", "--chdir",
                           "/tmp", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin",
                           "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8", "--"});
  args.insert(args.end(), argv.begin(), argv.end());
  return args;
}

void set_limit(int resource, rlim_t value) {
  const rlimit lim{value, value};
  ::setrlimit(resource, &lim);
}

// In the forked child: own process group, limits, no privileges, then bwrap.
[[noreturn]] void exec_child(const std::vector<std::string>& args, int in_fd, int out_fd,
                             int err_fd, const SandboxLimits& limits, int nproc_limit) {
  ::setpgid(0, 0);
  ::dup2(in_fd, 0);
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  for (int fd = 3; fd < 1024; ++fd) ::close(fd);
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(limits.cpu_seconds));
  set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.memory_bytes));
  set_limit(RLIMIT_FSIZE, static_cast<rlim_t>(limits.max_file_bytes));
  set_limit(RLIMIT_CORE, 0);
  // root is exempt from RLIMIT_NPROC, so a root caller runs the sandbox as nobody.
  if (::geteuid() == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
      const char msg[] = "bwrap: cannot drop root privileges before sandboxing\n";
      [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
      ::_exit(1);
    }
  }
  set_limit(RLIMIT_NPROC, static_cast<rlim_t>(nproc_limit));
  std::vector<char*> cargs;
  for (const auto& a : args) cargs.push_back(const_cast<char*>(a.c_str()));
  cargs.push_back(nullptr);
  // bwrap itself must not inherit our environment: it is the sandbox's PID 1, and its
  // /proc/1/environ is readable from inside (--clearenv cleans only its child). The API keys
  // live in our environment, so bwrap gets one built from nothing.
  char* minimal_env[] = {const_cast<char*>("PATH=/usr/bin:/bin"),
                         const_cast<char*>("HOME=/tmp"), const_cast<char*>("LANG=C.UTF-8"),
                         nullptr};
  ::execve(cargs[0], cargs.data(), minimal_env);
  const char msg[] = "bwrap: exec failed\n";
  [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
  ::_exit(127);
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

std::optional<std::string> find_bwrap() {
  // DISTILLSCOPE_BWRAP names the binary explicitly (tests use it to simulate a missing one).
  if (const char* env = std::getenv("DISTILLSCOPE_BWRAP"); env && *env) {
    if (executable(env)) return std::string(env);
    return std::nullopt;
  }
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (!dir.empty() && executable(dir + "/bwrap")) return dir + "/bwrap";
    }
  }
  if (executable("/usr/bin/bwrap")) return std::string("/usr/bin/bwrap");
  return std::nullopt;
}

SandboxResult run_sandboxed(const std::vector<std::string>& argv, const std::string& stdin_data,
                            const SandboxLimits& limits) {
  const auto bwrap = find_bwrap();
  if (!bwrap) throw SandboxUnavailable(std::string("bubblewrap (bwrap) not found: ") + kInstallHint);
  const auto args = bwrap_args(*bwrap, limits, argv);
  const uid_t sandbox_uid = ::geteuid() == 0 ? kNobody : ::getuid();
  const int nproc_limit = count_processes_of(sandbox_uid) + limits.max_processes;

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw SandboxUnavailable(std::string("cannot create pipes: ") + std::strerror(errno));

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw SandboxUnavailable(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) exec_child(args, in_pipe[0], out_pipe[1], err_pipe[1], limits, nproc_limit);
  ::setpgid(pid, pid);  // also in the parent, so killpg works whoever runs first
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  set_nonblocking(in_pipe[1]);
  set_nonblocking(out_pipe[0]);
  set_nonblocking(err_pipe[0]);

  // A sandbox that exits before reading its input must not kill us with SIGPIPE: block it in
  // this thread and discard a pending one afterwards.
  sigset_t pipe_set, old_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  ::pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);

  SandboxResult result;
  int in_fd = in_pipe[1], out_fd = out_pipe[0], err_fd = err_pipe[0];
  size_t written = 0;
  if (stdin_data.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  int status = 0;
  bool reaped = false;
  const auto deadline = start + std::chrono::duration<double>(limits.wall_seconds);
  auto drain = [&](int& fd, std::string& into) {
    char buf[65536];
    while (true) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0) {
        const size_t room = limits.max_output_bytes > into.size()
                                ? limits.max_output_bytes - into.size() : 0;
        if (static_cast<size_t>(n) > room) result.output_truncated = true;
        into.append(buf, std::min(room, static_cast<size_t>(n)));
        continue;
      }
      if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        ::close(fd);
        fd = -1;
      }
      return;
    }
  };
  while (out_fd >= 0 || err_fd >= 0 || !reaped) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      result.timed_out = true;
      ::killpg(pid, SIGKILL);
      break;
    }
    if (!reaped && ::waitpid(pid, &status, WNOHANG) == pid) reaped = true;
    std::vector<pollfd> fds;
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    if (out_fd >= 0) fds.push_back({out_fd, POLLIN, 0});
    if (err_fd >= 0) fds.push_back({err_fd, POLLIN, 0});
    const int wait_ms = static_cast<int>(std::min<long>(
        50, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1));
    if (fds.empty()) {
      ::usleep(static_cast<useconds_t>(wait_ms) * 1000);
      continue;
    }
    ::poll(fds.data(), fds.size(), wait_ms);
    for (const auto& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_fd) {
        if (p.revents & (POLLERR | POLLHUP)) {
          ::close(in_fd);
          in_fd = -1;
          continue;
        }
        const ssize_t n = ::write(in_fd, stdin_data.data() + written, stdin_data.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == stdin_data.size()) {
          ::close(in_fd);
          in_fd = -1;
        }
      } else if (p.fd == out_fd) {
        drain(out_fd, result.out);
      } else if (p.fd == err_fd) {
        drain(err_fd, result.err);
      }
    }
  }
  for (int fd : {in_fd, out_fd, err_fd})
    if (fd >= 0) ::close(fd);
  if (!reaped) ::waitpid(pid, &status, 0);
  const timespec no_wait{0, 0};
  while (::sigtimedwait(&pipe_set, nullptr, &no_wait) > 0) {
  }
  ::pthread_sigmask(SIG_SETMASK, &old_set, nullptr);
  ::killpg(pid, SIGKILL);  // nothing may outlive the run (ESRCH when all is gone already)
  result.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start).count();
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (!result.timed_out && result.exit_code != 0 && result.out.empty() &&
      result.err.rfind("bwrap:", 0) == 0)
    throw SandboxUnavailable("bubblewrap could not create the sandbox (" +
                             result.err.substr(0, result.err.find('\n')) + "); " + kInstallHint);
  return result;
}

}  // namespace ds::scorers
