#include "scorers/coding/sandboxed_program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/json.hpp"
#include "core/json_bounded.hpp"
#include "scorers/coding/sandbox_python.hpp"

namespace ds::scorers {

namespace {

constexpr size_t kErrTailBytes = 2000;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

SandboxSpawn spawn_for(const std::string& program, int process_allowance, int in, int out, int err) {
  SandboxSpawn spawn;
  spawn.command = {sandbox_python(), "-I", "-S", "-c", program};
  spawn.layout.as_pid_1 = true;
  // Every symbol bound at start-up: a forked answer's process then never writes the binary's
  // lazily bound jump table (on this VM each page it writes after a fork costs 20-60 us).
  spawn.layout.env = {{"LD_BIND_NOW", "1"}};
  spawn.trusted_processes = 2;  // the outer bwrap and the program itself
  spawn.process_allowance = process_allowance;
  spawn.limit_cpu = false;  // long-lived; the supervisor limits each answer's process itself
  spawn.stdin_fd = in;
  spawn.stdout_fd = out;
  spawn.stderr_fd = err;
  return spawn;
}

bool is_ready_line(const std::string& line) {
  const auto parsed = try_parse_json(line, json_limits::kChildMessage);
  return parsed.value.is_object() && parsed.value.value("stage", "") == "ready";
}

}  // namespace

SandboxedProgram::Fds::Fds() {
  int control_pair[2], out_pipe[2], err_pipe[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, control_pair) != 0)
    throw SandboxUnavailable(std::string("cannot create a socket pair: ") + std::strerror(errno));
  control = control_pair[0];
  their_control = control_pair[1];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw SandboxUnavailable(std::string("cannot create pipes: ") + std::strerror(errno));
  out = out_pipe[0];
  their_out = out_pipe[1];
  err = err_pipe[0];
  their_err = err_pipe[1];
  for (int fd : {out, err}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

SandboxedProgram::Fds::~Fds() {
  close_theirs();
  for (int* fd : {&control, &out, &err}) close_fd(*fd);
}

void SandboxedProgram::Fds::close_theirs() {
  for (int* fd : {&their_control, &their_out, &their_err}) close_fd(*fd);
}

SandboxedProgram::SandboxedProgram(const std::string& name, const SandboxLimits& limits,
                                   const std::string& program, int process_allowance,
                                   Clock::time_point deadline)
    : name_(name),
      process_(limits, spawn_for(program, process_allowance, fds_.their_control, fds_.their_out,
                                 fds_.their_err)) {
  fds_.close_theirs();
  std::vector<std::string> lines;
  while (Clock::now() < deadline) {
    pollfd watched[] = {{fds_.out, POLLIN, 0}, {fds_.err, POLLIN, 0}};
    ::poll(watched, 2, 50);
    drain_err();
    const bool open = read_lines(lines);
    for (const auto& line : lines)
      if (is_ready_line(line)) return;
    if (!open) break;
  }
  throw SandboxUnavailable("the coding sandbox's " + name_ + " did not start" +
                           (err_tail_.empty() ? std::string() : ": " + err_tail_));
}

SandboxedProgram::~SandboxedProgram() { process_.kill_and_reap(); }

bool SandboxedProgram::send(const std::string& message, const std::vector<int>& fds) {
  iovec data{const_cast<char*>(message.data()), message.size()};
  msghdr header{};
  header.msg_iov = &data;
  header.msg_iovlen = 1;
  std::vector<char> control(CMSG_SPACE(sizeof(int) * fds.size()));
  if (!fds.empty()) {
    header.msg_control = control.data();
    header.msg_controllen = control.size();
    cmsghdr* cmsg = CMSG_FIRSTHDR(&header);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    std::memcpy(CMSG_DATA(cmsg), fds.data(), sizeof(int) * fds.size());
  }
  return ::sendmsg(fds_.control, &header, MSG_NOSIGNAL) == static_cast<ssize_t>(message.size());
}

bool SandboxedProgram::read_lines(std::vector<std::string>& lines) {
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(fds_.out, buf, sizeof buf);
    if (n > 0) {
      partial_.append(buf, static_cast<size_t>(n));
      size_t start = 0, newline;
      while ((newline = partial_.find('\n', start)) != std::string::npos) {
        lines.push_back(partial_.substr(start, newline - start));
        start = newline + 1;
      }
      partial_.erase(0, start);
      continue;
    }
    return n < 0 && (errno == EAGAIN || errno == EINTR);
  }
}

void SandboxedProgram::drain_err() {
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds_.err, buf, sizeof buf)) > 0) {
    err_tail_.append(buf, static_cast<size_t>(n));
    if (err_tail_.size() > kErrTailBytes) err_tail_.erase(0, err_tail_.size() - kErrTailBytes);
  }
}

}  // namespace ds::scorers
