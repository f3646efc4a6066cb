#include "tests/support/process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "core/subprocess.hpp"

namespace ds::test {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& distillscope_binary() {
  static const std::string binary = DS_BINARY;
  return binary;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args)
    : ds::harness::ServeProcess(distillscope_binary(), args) {}

namespace {

// Starts the binary with args: stdin from /dev/null, stdout and stderr to the given files
// (the same file for both when they are equal).
pid_t start_child(const std::vector<std::string>& args, const std::string& out_path,
                  const std::string& err_path, const std::string& working_dir) {
  std::vector<std::string> argv = {distillscope_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = err_path == out_path ? out : open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const pid_t pid = ds::core::spawn_process(argv, {.out = out, .err = err}, working_dir);
  close(out);
  if (err != out) close(err);
  return pid;
}

}  // namespace

CommandResult run_program(const std::vector<std::string>& argv_in,
                          const std::vector<std::string>& extra_env,
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
    for (const auto& entry : extra_env) putenv(const_cast<char*>(entry.c_str()));
    std::vector<char*> argv;
    for (const auto& a : argv_in) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv_in.at(0).c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

CommandResult run_distillscope(const std::vector<std::string>& args,
                               const std::string& working_dir) {
  TempDir tmp;
  const std::string out_path = tmp.file("out"), err_path = tmp.file("err");
  const pid_t pid = start_child(args, out_path, err_path, working_dir);
  CommandResult r;
  r.exit_code = ds::core::wait_process(pid);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

pid_t spawn_distillscope(const std::vector<std::string>& args, const std::string& log_path,
                         const std::string& working_dir) {
  return start_child(args, log_path, log_path, working_dir);
}

std::string ServeProcess::http_get(const std::string& path) const {
  httplib::Client client("127.0.0.1", port());
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

std::string source_dir() { return DS_SOURCE_DIR; }

CommandResult run_shell(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

int unused_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

LoopbackListener::LoopbackListener() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 || listen(fd_, 16) != 0 ||
      getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("cannot listen on a loopback port");
  port_ = ntohs(addr.sin_port);
}

LoopbackListener::~LoopbackListener() {
  if (fd_ >= 0) close(fd_);
}

ScopedEnv::ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
  if (const char* old = std::getenv(name_.c_str())) {
    had_ = true;
    old_ = old;
  }
  setenv(name_.c_str(), value.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
  if (had_) {
    setenv(name_.c_str(), old_.c_str(), 1);
  } else {
    unsetenv(name_.c_str());
  }
}

std::string mtbench_dir() {
  const std::string dir = std::string(DS_SHARED_DIR) + "/data/mtbench";
  return std::filesystem::exists(dir + "/question.jsonl") ? dir : "";
}

std::string fixture_path(const std::string& relative) {
  return source_path("tests/fixtures/" + relative);
}

std::string source_path(const std::string& relative) {
  return std::string(DS_SOURCE_DIR) + "/" + relative;
}

}  // namespace ds::test
