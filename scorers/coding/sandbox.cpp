#include "scorers/coding/sandbox.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "scorers/coding/sandbox_process.hpp"
#include "scorers/coding/sigpipe_block.hpp"

namespace ds::scorers {

namespace {

constexpr const char* kInstallHint =
    "untrusted code runs only inside bubblewrap; install it with `apt-get install bubblewrap` "
    "(there is no unsandboxed fallback)";

bool executable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// stdin, stdout and stderr pipes; whatever is still open is closed on destruction.
struct Pipes {
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  Pipes() {
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
      close_all();
      throw SandboxUnavailable(std::string("cannot create pipes: ") + std::strerror(errno));
    }
  }
  ~Pipes() { close_all(); }
  static void close(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  void close_all() {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) close(*fd);
  }
};

// Feeds stdin and collects stdout/stderr (each capped) until the sandbox ends or the deadline.
void pump(SandboxProcess& sandbox, int& in_fd, int& out_fd, int& err_fd, const std::string& input,
          const SandboxLimits& limits, std::chrono::steady_clock::time_point deadline,
          SandboxResult& result) {
  size_t written = 0;
  if (input.empty()) Pipes::close(in_fd);
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
      if (n == 0 || (errno != EAGAIN && errno != EINTR)) Pipes::close(fd);
      return;
    }
  };
  while (out_fd >= 0 || err_fd >= 0 || !sandbox.poll_exit()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      result.timed_out = true;
      break;
    }
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
        const ssize_t n = (p.revents & (POLLERR | POLLHUP))
                              ? -1
                              : ::write(in_fd, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
          Pipes::close(in_fd);
      } else if (p.fd == out_fd) {
        drain(out_fd, result.out);
      } else if (p.fd == err_fd) {
        drain(err_fd, result.err);
      }
    }
  }
}

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

std::string require_bwrap() {
  if (auto bwrap = find_bwrap()) return *bwrap;
  throw SandboxUnavailable(std::string("bubblewrap (bwrap) not found: ") + kInstallHint);
}

SandboxResult run_sandboxed(const std::vector<std::string>& argv, const std::string& stdin_data,
                            const SandboxLimits& limits) {
  Pipes pipes;
  SandboxSpawn spawn;
  spawn.command = argv;
  spawn.trusted_processes = 2;  // the outer bwrap and its PID 1 reaper
  spawn.process_allowance = 2 + limits.max_processes;
  spawn.stdin_fd = pipes.in[0];
  spawn.stdout_fd = pipes.out[1];
  spawn.stderr_fd = pipes.err[1];
  const auto start = std::chrono::steady_clock::now();
  SigpipeBlock no_sigpipe;
  SandboxResult result;
  {
    SandboxProcess sandbox(limits, spawn);
    for (int* fd : {&pipes.in[0], &pipes.out[1], &pipes.err[1]}) Pipes::close(*fd);
    for (int fd : {pipes.in[1], pipes.out[0], pipes.err[0]}) set_nonblocking(fd);
    pump(sandbox, pipes.in[1], pipes.out[0], pipes.err[0], stdin_data, limits,
         start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(limits.wall_seconds)),
         result);
    sandbox.kill_and_reap();
    const int status = sandbox.status();
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  }
  result.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start).count();
  if (!result.timed_out && result.exit_code != 0 && result.out.empty() &&
      result.err.rfind("bwrap:", 0) == 0)
    throw SandboxUnavailable("bubblewrap could not create the sandbox (" +
                             result.err.substr(0, result.err.find('\n')) + "); " + kInstallHint);
  return result;
}

}  // namespace ds::scorers
