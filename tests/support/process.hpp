#pragma once
// Test support: run the distillscope binary, and start `distillscope serve` on an ephemeral
// loopback port for integration tests over real HTTP.
#include <sys/types.h>

#include <string>
#include <vector>

namespace ds::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs DS_BINARY with args (no shell), waits, captures stdout and stderr.
CommandResult run_distillscope(const std::vector<std::string>& args,
                               const std::string& working_dir = "");

// Starts DS_BINARY with args in the background; returns its pid. Output goes to log_path.
pid_t spawn_distillscope(const std::vector<std::string>& args, const std::string& log_path,
                         const std::string& working_dir = "");

// `distillscope serve --port 0 ARGS...`; reads the port from its first stdout line
// ("listening on http://127.0.0.1:PORT") and kills it when destroyed.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  int port() const { return port_; }
  std::string base_url() const;  // http://127.0.0.1:PORT/v1
  std::string http_get(const std::string& path) const;  // GET http://127.0.0.1:PORT/path

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// A fresh temporary directory, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The shared development data (../shared/data/mtbench) or "" when absent.
std::string mtbench_dir();

}  // namespace ds::test
