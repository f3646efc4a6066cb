#pragma once
// Test support: run the distillscope binary, and start `distillscope serve` on an ephemeral
// loopback port for integration tests over real HTTP.
#include <sys/types.h>

#include <string>
#include <vector>

#include "harness/pipeline/serve_process.hpp"

namespace ds::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The whole file as bytes ("" when it cannot be read).
std::string read_text(const std::string& path);

// Runs any program (argv[0] is its path; no shell) with extra environment entries
// ("NAME=value"), waits, captures stdout and stderr.
CommandResult run_program(const std::vector<std::string>& argv,
                          const std::vector<std::string>& extra_env = {},
                          const std::string& working_dir = "");

// Runs DS_BINARY with args (no shell), waits, captures stdout and stderr.
CommandResult run_distillscope(const std::vector<std::string>& args,
                               const std::string& working_dir = "");

// Starts DS_BINARY with args in the background; returns its pid. Output goes to log_path.
pid_t spawn_distillscope(const std::vector<std::string>& args, const std::string& log_path,
                         const std::string& working_dir = "");

// `distillscope serve --port 0 ARGS...` (the product's own ServeProcess, with the test
// binary's path) plus a GET helper for /stats.
class ServeProcess : public ds::harness::ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args);
  std::string http_get(const std::string& path) const;  // GET http://127.0.0.1:PORT/path
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

// The distillscope binary under test.
const std::string& distillscope_binary();

// The source tree (examples/, tools/).
std::string source_dir();

// Runs `command` with /bin/sh; returns its exit code and standard output (stderr passes through).
CommandResult run_shell(const std::string& command);

// A port on 127.0.0.1 with nothing listening (bound, then closed).
int unused_port();

// A port on 127.0.0.1 that accepts connections (the kernel completes them from the backlog)
// while this object lives: what a test shows something cannot reach.
class LoopbackListener {
 public:
  LoopbackListener();
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Sets an environment variable for the lifetime of this object (children inherit it).
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  bool had_ = false;
  std::string old_;
};

// The shared development data (../shared/data/mtbench) or "" when absent.
std::string mtbench_dir();

// A file under tests/fixtures/ of the source tree.
std::string fixture_path(const std::string& relative);

// A file or folder of the source tree (e.g. "tools/install-promptfoo.sh").
std::string source_path(const std::string& relative);

}  // namespace ds::test
