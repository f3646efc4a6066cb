#pragma once
// Starts `distillscope serve ...` as a child process on an ephemeral loopback port and
// stops it when destroyed. Used by `demo` (real HTTP, no network) and by the tests.
#include <sys/types.h>

#include <string>
#include <vector>
#include "harness/layer.hpp"

namespace ds::harness {

class ServeProcess {
 public:
  // binary: path of the distillscope executable; args follow "serve --port 0".
  ServeProcess(const std::string& binary, const std::vector<std::string>& args);
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
