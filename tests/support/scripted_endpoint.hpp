#pragma once
// A scripted endpoint for integration tests: a real HTTP server on a loopback port, inside the
// test process, that answers with whatever the test's script returns, and counts what it was
// sent. Two kinds of script: by prompt (OpenAI chat requests; a hostile answer per prompt) or
// by request (any method and path; refusing keys, wrong paths, broken model lists).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/json.hpp"
#include "core/json_bounded.hpp"

namespace ds::test {

using ds::core::json;

struct ScriptedReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

struct ScriptedRequest {
  std::string method;  // "GET", "POST"
  std::string path;    // "/v1/models", "/v1/chat/completions", ...
  std::string prompt;  // the last message's content of a chat request, else ""
  httplib::Headers headers = {};  // as received (names case-insensitive)
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
  using PromptScript = std::function<ScriptedReply(const std::string& prompt)>;
  using RequestScript = std::function<ScriptedReply(const ScriptedRequest& request)>;

  // Answers POST /v1/chat/completions by the script; every other route is cpp-httplib's 404.
  explicit ScriptedEndpoint(PromptScript script) {
    serve("/v1/chat/completions", true, [script = std::move(script)](const ScriptedRequest& r) { return script(r.prompt); });
  }
  // Answers every GET and POST by the script.
  explicit ScriptedEndpoint(RequestScript script) { serve(".*", false, std::move(script)); }

  ~ScriptedEndpoint() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  ScriptedEndpoint(const ScriptedEndpoint&) = delete;
  ScriptedEndpoint& operator=(const ScriptedEndpoint&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
  int requests() const { return requests_.load(); }  // every request received
  int posts() const { return posts_.load(); }        // of them, POSTs (completions)

 private:
  void serve(const std::string& pattern, bool post_only, RequestScript script) {
    script_ = std::move(script);
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.set_payload_max_length(64u << 20);
    const auto handler = [this](const httplib::Request& q, httplib::Response& r) {
      ++requests_;
      if (q.method == "POST") ++posts_;
      ScriptedRequest request{q.method, q.path, "", q.headers};
      const core::JsonParse body = core::try_parse_json(q.body);
      if (body.ok() && body.value.is_object() && body.value.contains("messages") && body.value["messages"].is_array() &&
          !body.value["messages"].empty() && body.value["messages"].back().is_object())
        request.prompt = body.value["messages"].back().value("content", "");
      const ScriptedReply reply = script_(request);
      r.status = reply.status;
      r.set_content(reply.body, reply.content_type);
    };
    server_.Post(pattern, handler);
    if (!post_only) server_.Get(pattern, handler);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("ScriptedEndpoint: cannot bind a loopback port");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  RequestScript script_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> requests_{0};
  std::atomic<int> posts_{0};
};

}  // namespace ds::test
