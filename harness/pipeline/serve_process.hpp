#pragma once
// Starts `distillscope serve ...` (or any server that announces its port the same way) as a
// child process on an ephemeral loopback port and stops it when destroyed. Used by `demo`
// (real HTTP, no network), the tests and the benchmarks.
#include <sys/types.h>

#include <string>
#include <vector>
#include "harness/layer.hpp"

namespace ds::harness {

class ServeProcess {
 public:
  // binary: path of the distillscope executable; args follow "serve --port 0".
  ServeProcess(const std::string& binary, const std::vector<std::string>& args);
  // Any command (looked up on PATH) whose stdout says "listening on http://127.0.0.1:PORT"
  // once it accepts connections, e.g. the peer benchmark's Node.js endpoint.
  struct Command {
    std::vector<std::string> argv;
  };
  explicit ServeProcess(Command command);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string base_url() const;  // http://127.0.0.1:PORT/v1

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// The running executable's own path (/proc/self/exe).
std::string own_executable();

}  // namespace ds::harness
