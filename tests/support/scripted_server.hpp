#pragma once
// A tiny HTTP server for tests of how distillscope treats endpoints that refuse: every
// request gets the answer a function gives, and the server counts what it was sent. Real
// loopback HTTP in the test process (cpp-httplib), on an ephemeral port.
#include <httplib.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace ds::test {

struct ScriptedReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

class ScriptedServer {
 public:
  // `reply(method, path)` answers every request.
  explicit ScriptedServer(std::function<ScriptedReply(const std::string&, const std::string&)> reply);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const;  // http://127.0.0.1:PORT/v1
  int requests() const { return requests_.load(); }
  int posts() const { return posts_.load(); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<int> posts_{0};
};

// A port on 127.0.0.1 with nothing listening (bound, then closed).
int unused_port();

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

}  // namespace ds::test
