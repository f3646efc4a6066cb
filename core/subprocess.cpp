#include "core/subprocess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace ds::core {

namespace {

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(std::vector<char*>& argv, const ChildStreams& streams,
                             const char* working_dir) {
  if (working_dir && chdir(working_dir) != 0) _exit(127);
  const int null_fd = open("/dev/null", O_RDWR);
  dup2(streams.in >= 0 ? streams.in : null_fd, 0);
  dup2(streams.out >= 0 ? streams.out : null_fd, 1);
  dup2(streams.err >= 0 ? streams.err : null_fd, 2);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

pid_t spawn_process(const std::vector<std::string>& args, const ChildStreams& streams,
                    const std::string& working_dir) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) exec_child(argv, streams, working_dir.empty() ? nullptr : working_dir.c_str());
  return pid;
}

int wait_process(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void stop_process(pid_t pid, std::chrono::milliseconds grace) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

}  // namespace ds::core
