#pragma once
// A real HTTP server on a loopback port, inside the test process, answering in the OpenAI
// and Anthropic wire formats with faults chosen per request. Unit-level runner tests use it;
// the integration tests use `distillscope serve`.
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/json.hpp"

namespace ds::test {

using ds::core::json;

enum class Fault {
  None,
  RateLimit,      // 429 with Retry-After (seconds in `retry_after`) or none when empty
  RateLimitReset, // 429 with x-ratelimit-reset-requests only
  ServerError,    // 500 with an OpenAI error body
  Unauthorized,   // 401 whose message echoes the key it was sent
  Garbage,        // 200 with a body that is not JSON
  Truncated,      // 200 with JSON cut in the middle (length consistent)
  WrongTypes,     // 200 with content as a number
  Cut,            // headers promise more bytes than are sent, then the connection closes
  Huge,           // 200 with a 2 MB body
  Stall,          // sleeps `stall_ms` before answering
};

struct Arrival {
  std::string prompt;
  int attempt = 0;  // 0 for the first request carrying this prompt
  double at = 0;    // steady clock seconds
  std::string authorization;
  std::string api_key;
  int remote_port = 0;
};

inline double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class FakeEndpoint {
 public:
  // Chooses the fault for the `attempt`-th request carrying `prompt`.
  using Plan = std::function<Fault(const std::string& prompt, int attempt)>;

  explicit FakeEndpoint(Plan plan, int latency_ms = 0) : plan_(std::move(plan)), latency_ms_(latency_ms) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server_.set_keep_alive_max_count(100000);
    server_.set_tcp_nodelay(true);  // else a reply body can wait 40 ms for a delayed ACK
    server_.Post("/v1/chat/completions", [this](const httplib::Request& q, httplib::Response& r) {
      answer(q, r, /*anthropic=*/false);
    });
    server_.Post("/v1/messages", [this](const httplib::Request& q, httplib::Response& r) {
      answer(q, r, /*anthropic=*/true);
    });
    server_.set_socket_options([this](int fd) {
      httplib::default_socket_options(fd);
      listen_fd_ = fd;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // cpp-httplib listens with a backlog of 5: a burst of connects beyond it has its SYNs
    // dropped and retried a second later. listen() again raises the backlog.
    if (listen_fd_ >= 0) ::listen(listen_fd_, 1024);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  ~FakeEndpoint() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

  std::string retry_after = "1";
  int stall_ms = 2000;

  std::vector<Arrival> arrivals() const {
    std::lock_guard lock(mutex_);
    return arrivals_;
  }
  size_t requests() const {
    std::lock_guard lock(mutex_);
    return arrivals_.size();
  }
  int max_concurrent() const { return max_concurrent_; }

 private:
  void answer(const httplib::Request& q, httplib::Response& r, bool anthropic) {
    const int now_in = ++concurrent_;
    for (int seen = max_concurrent_; now_in > seen && !max_concurrent_.compare_exchange_weak(seen, now_in);) {
    }
    const json body = json::parse(q.body, nullptr, false);
    std::string prompt;
    if (body.is_object() && body.contains("messages") && !body["messages"].empty()) {
      prompt = body["messages"].back().value("content", "");
    }
    Fault fault;
    {
      std::lock_guard lock(mutex_);
      const int attempt = attempts_[prompt]++;
      arrivals_.push_back({prompt, attempt, steady_seconds(), q.get_header_value("Authorization"),
                           q.get_header_value("x-api-key"), q.remote_port});
      fault = plan_(prompt, attempt);
    }
    if (latency_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_));
    respond(fault, prompt, q, r, anthropic);
    --concurrent_;
  }

  void respond(Fault fault, const std::string& prompt, const httplib::Request& q,
               httplib::Response& r, bool anthropic) {
    const std::string text = "echo: " + prompt;
    const json ok = anthropic
        ? json{{"type", "message"}, {"role", "assistant"},
               {"content", {{{"type", "text"}, {"text", text}}}}, {"stop_reason", "end_turn"},
               {"usage", {{"input_tokens", 3}, {"output_tokens", 2}}}}
        : json{{"object", "chat.completion"},
               {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", text}}},
                             {"finish_reason", "stop"}}}},
               {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}}}};
    switch (fault) {
      case Fault::None:
        r.set_content(ok.dump(), "application/json");
        return;
      case Fault::RateLimit:
        r.status = 429;
        if (!retry_after.empty()) r.set_header("Retry-After", retry_after);
        r.set_content(R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})",
                      "application/json");
        return;
      case Fault::RateLimitReset:
        r.status = 429;
        r.set_header("x-ratelimit-remaining-requests", "0");
        r.set_header("x-ratelimit-reset-requests", "300ms");
        r.set_content(R"({"error":{"message":"slow down","type":"requests"}})", "application/json");
        return;
      case Fault::ServerError:
        r.status = 500;
        r.set_content(R"({"error":{"message":"The server had an error","type":"server_error"}})",
                      "application/json");
        return;
      case Fault::Unauthorized:
        r.status = 401;
        r.set_content(json{{"error", {{"message", "Incorrect API key provided: " +
                                                       q.get_header_value("Authorization")},
                                      {"type", "invalid_request_error"}}}}.dump(),
                      "application/json");
        return;
      case Fault::Garbage:
        r.set_content("<<<this is not json>>>", "application/json");
        return;
      case Fault::Truncated: {
        const std::string full = ok.dump();
        r.set_content(full.substr(0, full.size() / 2), "application/json");
        return;
      }
      case Fault::WrongTypes:
        r.set_content(R"({"choices":[{"message":{"content":12345}}],"content":7})", "application/json");
        return;
      case Fault::Cut:
        r.set_content_provider(
            1000, "application/json",
            [](size_t, size_t, httplib::DataSink& sink) {
              sink.write("{\"choices\":", 11);
              return false;  // closes the connection 989 bytes short
            });
        return;
      case Fault::Huge:
        r.set_content(std::string(2 << 20, ' ') + ok.dump(), "application/json");
        return;
      case Fault::Stall:
        for (int waited = 0; waited < stall_ms && !stopping_; waited += 10) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        r.set_content(ok.dump(), "application/json");
        return;
    }
  }

  Plan plan_;
  int latency_ms_;
  httplib::Server server_;
  int port_ = 0;
  int listen_fd_ = -1;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> concurrent_{0};
  std::atomic<int> max_concurrent_{0};
  mutable std::mutex mutex_;
  std::map<std::string, int> attempts_;
  std::vector<Arrival> arrivals_;
};

}  // namespace ds::test
