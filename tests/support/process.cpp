#include "tests/support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

namespace ds::test {

namespace {

std::vector<char*> make_argv(const std::vector<std::string>& args) {
  static std::string binary = DS_BINARY;
  std::vector<char*> argv;
  argv.push_back(binary.data());
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

CommandResult run_distillscope(const std::vector<std::string>& args,
                               const std::string& working_dir) {
  TempDir tmp;
  const std::string out_path = tmp.file("out"), err_path = tmp.file("err");
  const pid_t pid = fork();
  if (pid == 0) {
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(127);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    auto argv = make_argv(args);
    execv(DS_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

pid_t spawn_distillscope(const std::vector<std::string>& args, const std::string& log_path,
                         const std::string& working_dir) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(127);
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(log, 1);
    dup2(log, 2);
    auto argv = make_argv(args);
    execv(DS_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> full = {"serve", "--port", "0"};
  full.insert(full.end(), args.begin(), args.end());
  pid_ = fork();
  if (pid_ == 0) {
    close(pipe_fds[0]);
    dup2(pipe_fds[1], 1);
    const int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    auto argv = make_argv(full);
    execv(DS_BINARY, argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  // Read until the "listening on" line, with a deadline so a broken server fails the test.
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
  // Keep draining the pipe in the background so the server never blocks on a full pipe.
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
    throw std::runtime_error("distillscope serve did not report a port; output: " + buffer);
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::string ServeProcess::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

std::string ServeProcess::http_get(const std::string& path) const {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(10, 0);
  auto res = client.Get(path.c_str());
  if (!res) throw std::runtime_error("GET " + path + " failed");
  return res->body;
}

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "distillscope-test-XXXXXX").string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string mtbench_dir() {
  const std::string dir = std::string(DS_SHARED_DIR) + "/data/mtbench";
  return std::filesystem::exists(dir + "/question.jsonl") ? dir : "";
}

}  // namespace ds::test
