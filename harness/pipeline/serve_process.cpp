#include "harness/pipeline/serve_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <stdexcept>
#include <thread>
#include "core/subprocess.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

std::string own_executable() { return std::filesystem::read_symlink("/proc/self/exe").string(); }

namespace {

std::vector<std::string> serve_command(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<std::string> full = {binary, "serve", "--port", "0"};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

}  // namespace

ServeProcess::ServeProcess(const std::string& binary, const std::vector<std::string>& args)
    : ServeProcess(Command{serve_command(binary, args)}) {}

ServeProcess::ServeProcess(Command command) {
  if (command.argv.empty()) throw std::invalid_argument("ServeProcess: empty command");
  const std::vector<std::string>& full = command.argv;
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn_process(full, {.out = pipe_fds[1]});
  close(pipe_fds[1]);
  // The server's first stdout line names its port; wait for it with a deadline.
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  const std::regex port_re("listening on http://127\\.0\\.0\\.1:([0-9]+)");
  std::smatch m;
  fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  while (std::chrono::steady_clock::now() < deadline) {
    char chunk[512];
    const ssize_t n = read(pipe_fds[0], chunk, sizeof chunk);
    if (n > 0) {
      buffer.append(chunk, static_cast<size_t>(n));
      if (std::regex_search(buffer, m, port_re)) {
        port_ = std::stoi(m[1]);
        break;
      }
    } else if (n == 0) {
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  // Keep draining so the server never blocks on a full pipe.
  const int fd = pipe_fds[0];
  std::thread([fd] {
    fcntl(fd, F_SETFL, 0);
    char chunk[4096];
    while (read(fd, chunk, sizeof chunk) > 0) {
    }
    close(fd);
  }).detach();
  if (port_ == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw std::runtime_error(full[0] + " did not report its port; it printed: " + buffer);
  }
}

ServeProcess::~ServeProcess() { stop_process(pid_, std::chrono::seconds(2)); }

std::string ServeProcess::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

}  // namespace ds::harness
