#pragma once
// A hostile endpoint for integration tests: a real HTTP server on a loopback port, inside the
// test process, that answers each OpenAI chat request with whatever the test's script returns
// for its prompt (a text, or a raw status and body).
#include <httplib.h>

#include <functional>
#include <string>
#include <thread>

#include "core/json.hpp"
#include "core/json_bounded.hpp"

namespace ds::test {

using ds::core::json;

struct ScriptedReply {
  int status = 200;
  std::string body;
};

// The body of a successful OpenAI chat completion whose answer is `text`.
inline std::string completion_body(const std::string& text) {
  return core::dump_json({{"object", "chat.completion"},
                    {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", text}}},
                                  {"finish_reason", "stop"}}}},
                    {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}}}});
}

class ScriptedEndpoint {
 public:
  using Script = std::function<ScriptedReply(const std::string& prompt)>;

  explicit ScriptedEndpoint(Script script) : script_(std::move(script)) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.set_payload_max_length(64u << 20);
    server_.Post("/v1/chat/completions", [this](const httplib::Request& q, httplib::Response& r) {
      const core::JsonParse body = core::try_parse_json(q.body);
      std::string prompt;
      if (body.ok() && body.value.contains("messages") && !body.value["messages"].empty())
        prompt = body.value["messages"].back().value("content", "");
      const ScriptedReply reply = script_(prompt);
      r.status = reply.status;
      r.set_content(reply.body, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ScriptedEndpoint() {
    server_.stop();
    thread_.join();
  }
  ScriptedEndpoint(const ScriptedEndpoint&) = delete;
  ScriptedEndpoint& operator=(const ScriptedEndpoint&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

 private:
  Script script_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace ds::test
