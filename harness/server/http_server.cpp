#include "harness/server/http_server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <thread>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "harness/server/bounded_server.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/connection_reset.hpp"
#include "harness/server/serve_stats.hpp"
#include "harness/server/text_tokens.hpp"
#include "harness/server/wire_anthropic.hpp"
#include "harness/server/wire_openai.hpp"
#include "core/hash.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::server {

namespace {

constexpr const char* kJson = "application/json";

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// An id that is unique per response: a counter mixed into the hash of the request.
std::string make_id(const char* prefix, const std::string& body_key, size_t length) {
  static std::atomic<uint64_t> counter{0};
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t h = stable_hash(body_key + "#" + std::to_string(counter++));
  std::string id = prefix;
  for (size_t i = 0; i < length; ++i) {
    if (i % 10 == 9) h = stable_hash(id);
    id += kAlphabet[h % 62];
    h /= 62;
  }
  return id;
}

// "1s", "250ms", "1m30s" as in OpenAI's x-ratelimit-reset-requests.
std::string duration_text(double seconds) {
  if (seconds < 1.0) return fmt::format("{}ms", std::max<int64_t>(1, std::llround(seconds * 1000)));
  const auto whole = static_cast<int64_t>(std::ceil(seconds));
  if (whole < 60) return fmt::format("{}s", whole);
  return fmt::format("{}m{}s", whole / 60, whole % 60);
}

// Request bodies are bounded per route: a chat request is text (the JSON parser bounds its
// tree too); nothing else takes a body.
constexpr size_t kChatBodyLimit = json_limits::kServeRequest.max_bytes;
constexpr size_t kOtherBodyLimit = 64u << 10;

size_t route_body_limit(const std::string& method, const std::string& path) {
  if (method == "POST" && (path == "/v1/chat/completions" || path == "/v1/messages")) return kChatBodyLimit;
  return kOtherBodyLimit;
}

std::vector<std::string> stream_body(Api api, const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                     const std::string& body_key);
void send_stream(httplib::Response& res, std::vector<std::string> events, const FaultDecision& d);

class Service {
 public:
  Service(const Backend& backend, const FaultConfig& faults) : backend_(backend), faults_(faults) {}

  void chat(Api api, const httplib::Request& req, httplib::Response& res);
  void models(const httplib::Request& req, httplib::Response& res) const;
  ServeStats& stats() { return stats_; }

 private:
  void send_error(Api api, httplib::Response& res, const WireError& e) const {
    res.status = e.status;
    res.set_content(api == Api::openai ? dump_json(openai::error_body(e)) : dump_json(anthropic::error_body(e)), kJson);
  }
  void rate_headers(Api api, httplib::Response& res, const FaultDecision& d) const;
  bool inject(Api api, const httplib::Request& req, httplib::Response& res, const FaultDecision& d,
              const std::string& model);

  const Backend& backend_;
  FaultInjector faults_;
  ServeStats stats_;
};

void Service::rate_headers(Api api, httplib::Response& res, const FaultDecision& d) const {
  if (!faults_.rate_limited()) return;
  const double rate = faults_.config().rate_limit_per_s;
  const auto limit = std::max<int64_t>(1, std::llround(rate));
  const auto remaining = static_cast<int64_t>(std::floor(std::max(0.0, d.remaining_tokens)));
  const double reset_s = d.fault == Fault::rate_limited ? d.retry_after_s
                                                        : (static_cast<double>(limit) - d.remaining_tokens) / rate;
  if (api == Api::openai) {
    res.set_header("x-ratelimit-limit-requests", std::to_string(limit));
    res.set_header("x-ratelimit-remaining-requests", std::to_string(remaining));
    res.set_header("x-ratelimit-reset-requests", duration_text(std::max(0.001, reset_s)));
  } else {
    res.set_header("anthropic-ratelimit-requests-limit", std::to_string(limit));
    res.set_header("anthropic-ratelimit-requests-remaining", std::to_string(remaining));
    const auto reset_at = std::chrono::system_clock::now() +
                          std::chrono::milliseconds(std::llround(std::max(0.001, reset_s) * 1000));
    const std::time_t t = std::chrono::system_clock::to_time_t(reset_at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    res.set_header("anthropic-ratelimit-requests-reset", buf);
  }
}

// Applies a fault; true when the response is complete (nothing more to answer).
bool Service::inject(Api api, const httplib::Request& req, httplib::Response& res, const FaultDecision& d,
                     const std::string& model) {
  switch (d.fault) {
    case Fault::none:
      return false;
    case Fault::stall:
      // A stall that eventually answers: clients must time out on their own.
      std::this_thread::sleep_for(std::chrono::milliseconds(faults_.config().stall_ms));
      return false;
    case Fault::rate_limited: {
      const double wait = std::max(0.001, d.retry_after_s);
      res.set_header("retry-after", std::to_string(static_cast<int64_t>(std::ceil(wait))));
      res.set_header("retry-after-ms", std::to_string(std::llround(wait * 1000)));
      send_error(api, res,
                 WireError(429, "rate_limit",
                           fmt::format("Rate limit reached for requests on model '{}': limit {:g} requests "
                                       "per second. Please try again in {}.",
                                       model, faults_.config().rate_limit_per_s, duration_text(wait)),
                           "", "rate_limit_exceeded"));
      return true;
    }
    case Fault::error:
      if (d.variant % 2 == 0)
        send_error(api, res, WireError(500, "server",
                                       "The server had an error while processing your request. Sorry about that! "
                                       "(injected by --error-rate)"));
      else  // Anthropic says "overloaded" with its own status, 529
        send_error(api, res, WireError(api == Api::anthropic ? 529 : 503, "overloaded",
                                       api == Api::anthropic ? "Overloaded (injected by --error-rate)"
                                                             : "The server is overloaded, please try again later. (injected by --error-rate)"));
      return true;
    case Fault::drop:
      if (!reset_connection(req.remote_addr, req.remote_port)) {
        // No socket found (should not happen): abort the body instead.
        res.set_content_provider(64, kJson, [](size_t, size_t, httplib::DataSink&) { return false; });
      }
      return true;
    case Fault::garbage: {
      static const char* kGarbage[] = {
          "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
          "{\"id\": \"chatcmpl-garbage\", \"object\": \"chat.completion\", \"choices\": [}}]]",
          "\x01\x02 not json at all \xff\xfe", "{\"id\": \"msg_garbage\", \"type\": \"message\" \"content\": nul"};
      res.status = 200;
      res.set_content(kGarbage[d.variant % 4], kJson);
      return true;
    }
    case Fault::truncate:
      return false;  // handled after the answer is made
  }
  return false;
}

void Service::chat(Api api, const httplib::Request& req, httplib::Response& res) {
  const std::string body_key = sha256_hex(req.body);
  const std::string request_id = make_id("req_", body_key, 24);
  res.set_header(api == Api::openai ? "x-request-id" : "request-id", request_id);
  ChatQuery query;
  try {
    query = api == Api::openai ? openai::parse_request(req.body) : anthropic::parse_request(req.body);
    if (!backend_.has_model(query.model))
      throw WireError(404, "not_found",
                      api == Api::openai
                          ? fmt::format("The model `{}` does not exist or you do not have access to it.", query.model)
                          : fmt::format("model: {}", query.model),
                      api == Api::openai ? "model" : "", "model_not_found");
  } catch (const WireError& e) {
    stats_.rejected();
    send_error(api, res, e);
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  stats_.request(query.model);
  const FaultDecision d = faults_.decide(query.model + "\n" + body_key);
  if (d.latency_ms > 0) std::this_thread::sleep_for(std::chrono::microseconds(std::llround(d.latency_ms * 1000)));
  rate_headers(api, res, d);
  if (d.fault != Fault::none) stats_.fault(query.model);
  if (inject(api, req, res, d, query.model)) return;

  std::vector<ShapedCompletion> choices;
  const int n = api == Api::openai ? query.n : 1;
  for (int i = 0; i < n; ++i) {
    auto text = backend_.answer(query, i);
    if (!text) {
      stats_.not_found(query.model);
      // 422, not 404: the model exists and the request is valid; a 404 would say that the
      // model or URL is wrong, and clients stop asking an endpoint that says that.
      send_error(api, res,
                 WireError(422, "invalid_request",
                           fmt::format("No recorded answer of model '{}' matches this conversation "
                                       "(replay mode answers only recorded conversations).",
                                       query.model),
                           "messages", "no_recorded_answer"));
      return;
    }
    choices.push_back(shape_completion(*text, query));
  }
  if (query.stream) {
    send_stream(res, stream_body(api, query, choices, body_key), d);
    stats_.answered(query.model, body_key);
    return;
  }
  const std::string body =
      api == Api::openai
          ? dump_json(openai::completion_body(query, choices, make_id("chatcmpl-", body_key, 29), unix_now()))
          : dump_json(anthropic::message_body(query, choices.front(), make_id("msg_01", body_key, 22)));
  res.status = 200;
  if (api == Api::openai) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    res.set_header("openai-processing-ms", std::to_string(ms.count()));
  }
  if (d.fault == Fault::truncate) {
    const size_t cut = body.size() / 2;
    if (d.variant % 2 == 0) {
      // Honest Content-Length, but the JSON stops in the middle.
      res.set_content(body.substr(0, cut), kJson);
    } else {
      // Content-Length promises the whole body; the connection closes halfway.
      res.set_content_provider(body.size(), kJson, [body, cut](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset == 0) sink.write(body.data(), cut);
        return false;
      });
    }
    return;
  }
  res.set_content(body, kJson);
  stats_.answered(query.model, body_key);
}

// The answer as server-sent events, one string per event ("data: ...\n\n").
std::vector<std::string> stream_body(Api api, const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                     const std::string& body_key) {
  std::vector<std::string> events;
  if (api == Api::openai) {
    for (const auto& chunk : openai::stream_chunks(query, choices, make_id("chatcmpl-", body_key, 29), unix_now()))
      events.push_back("data: " + dump_json(chunk) + "\n\n");
    events.push_back("data: [DONE]\n\n");
  } else {
    for (const auto& [type, data] : anthropic::stream_events(query, choices.front(), make_id("msg_01", body_key, 22)))
      events.push_back("event: " + type + "\ndata: " + dump_json(data) + "\n\n");
  }
  return events;
}

// Sends the events with chunked encoding. A --truncate-rate fault stops halfway: either the
// stream ends cleanly without its end marker, or the connection closes mid-stream.
void send_stream(httplib::Response& res, std::vector<std::string> events, const FaultDecision& d) {
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  const bool truncate = d.fault == Fault::truncate;
  const size_t keep = truncate ? events.size() / 2 : events.size();
  const bool close_abruptly = truncate && d.variant % 2 == 1;
  auto shared = std::make_shared<std::vector<std::string>>(std::move(events));
  res.set_chunked_content_provider(
      "text/event-stream; charset=utf-8",
      [shared, keep, close_abruptly](size_t, httplib::DataSink& sink) {
        for (size_t i = 0; i < keep; ++i)
          if (!sink.write((*shared)[i].data(), (*shared)[i].size())) return false;
        if (close_abruptly) return false;
        sink.done();
        return true;
      });
}

void Service::models(const httplib::Request& req, httplib::Response& res) const {
  const auto names = backend_.model_names();
  const bool anthropic = req.has_header("anthropic-version");
  res.set_header(anthropic ? "request-id" : "x-request-id", make_id("req_", "models", 24));
  if (req.matches.size() > 1) {
    const std::string id = req.matches[1];
    if (!backend_.has_model(id)) {
      const WireError e(404, "not_found", fmt::format("The model `{}` does not exist", id), "model", "model_not_found");
      res.status = 404;
      res.set_content(anthropic ? dump_json(anthropic::error_body(e)) : dump_json(openai::error_body(e)), kJson);
      return;
    }
    const json all = anthropic ? anthropic::models_body({id}, backend_.simulated())
                               : openai::models_body({id}, backend_.simulated(), 1735689600);
    res.set_content(dump_json(all["data"][0]), kJson);
    return;
  }
  const json body = anthropic ? anthropic::models_body(names, backend_.simulated())
                              : openai::models_body(names, backend_.simulated(), 1735689600);
  res.set_content(dump_json(body), kJson);
}

std::string fault_summary(const FaultConfig& f) {
  std::string s;
  auto add = [&](const std::string& part) { s += (s.empty() ? "" : ", ") + part; };
  if (f.latency_mean_ms > 0) add(fmt::format("latency {:g}±{:g} ms", f.latency_mean_ms, f.latency_jitter_ms));
  if (f.rate_limit_per_s > 0) add(fmt::format("rate limit {:g}/s", f.rate_limit_per_s));
  if (f.error_rate > 0) add(fmt::format("error {:g}", f.error_rate));
  if (f.drop_rate > 0) add(fmt::format("drop {:g}", f.drop_rate));
  if (f.stall_rate > 0) add(fmt::format("stall {:g} ({} ms)", f.stall_rate, f.stall_ms));
  if (f.garbage_rate > 0) add(fmt::format("garbage {:g}", f.garbage_rate));
  if (f.truncate_rate > 0) add(fmt::format("truncate {:g}", f.truncate_rate));
  return s.empty() ? "no faults" : "faults: " + s + fmt::format(", fault seed {}", f.seed);
}

}  // namespace

std::string startup_description(const Backend& backend, const FaultConfig& faults) {
  std::string models;
  for (const auto& n : backend.model_names()) models += (models.empty() ? "" : ", ") + n;
  if (backend.simulated())
    return fmt::format("SIMULATED models, not real ones: {}; {}", models, fault_summary(faults));
  return fmt::format("{}; {}", backend.describe(), fault_summary(faults));
}

void run_server(const Backend& backend, const ServeOptions& options) {
  // A client that hangs up must not kill the server with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  Service service(backend, options.faults);
  ConnectionLimits limits;
  limits.worker_threads = static_cast<size_t>(std::max(4, options.threads));
  limits.max_connections = options.max_connections;
  limits.body_limit = route_body_limit;
  BoundedServer svr(limits);
  // Debian's cpp-httplib compresses replies with Brotli whenever the client accepts it
  // (libcurl accepts everything it can decode). On loopback that only burns the CPU the
  // engine benchmark measures: Brotli took most of the server's time per request.
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_payload_max_length(kChatBodyLimit);  // a second guard behind the waiting room's
  svr.set_tcp_nodelay(true);

  svr.Post("/v1/chat/completions",
           [&](const httplib::Request& q, httplib::Response& r) { service.chat(Api::openai, q, r); });
  svr.Post("/v1/messages",
           [&](const httplib::Request& q, httplib::Response& r) { service.chat(Api::anthropic, q, r); });
  svr.Get("/v1/models", [&](const httplib::Request& q, httplib::Response& r) { service.models(q, r); });
  svr.Get(R"(/v1/models/([^/]+))", [&](const httplib::Request& q, httplib::Response& r) { service.models(q, r); });
  svr.Get("/stats", [&](const httplib::Request&, httplib::Response& r) {
    r.set_content(dump_json(service.stats().to_json()), kJson);
  });
  svr.Post("/stats/reset", [&](const httplib::Request&, httplib::Response& r) {
    service.stats().reset();
    r.set_content(dump_json(service.stats().to_json()), kJson);
  });
  svr.Get("/health", [](const httplib::Request&, httplib::Response& r) { r.set_content("{\"status\":\"ok\"}", kJson); });
  svr.set_error_handler([](const httplib::Request& q, httplib::Response& r) {
    if (!r.body.empty()) return;
    const bool anthropic = q.path.rfind("/v1/messages", 0) == 0 || q.has_header("anthropic-version");
    const WireError e(r.status, r.status == 404 ? "not_found" : "invalid_request",
                      fmt::format("{} {}: no such route on distillscope serve", q.method, q.path));
    r.set_content(anthropic ? dump_json(anthropic::error_body(e)) : dump_json(openai::error_body(e)), kJson);
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& r, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    r.status = 500;
    r.set_content(dump_json(openai::error_body(WireError(500, "server", "internal error: " + what))), kJson);
  });

  const int port = svr.bind_listening(options.host, options.port);
  if (port <= 0 && options.port == 0)
    throw InputError(fmt::format("--host {}: cannot bind an ephemeral port", options.host));
  if (port <= 0)
    throw InputError(fmt::format("--port {}: cannot listen on {}:{} the port is in use (another "
                                 "distillscope serve?) or the address is not this machine's; stop the other "
                                 "server or pick another port (--port 0 picks a free one)",
                                 options.port, options.host, options.port));
  std::cout << fmt::format("distillscope serve: listening on http://{}:{} ({})", options.host, port,
                           startup_description(backend, options.faults))
            << std::endl;
  if (!svr.listen_after_bind()) throw std::runtime_error("the HTTP server stopped unexpectedly");
}

}  // namespace ds::harness::server
