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
#include "harness/server/wire_format.hpp"
#include "harness/server/wire_openai.hpp"
#include "core/hash.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::server {

namespace {

constexpr const char* kJson = "application/json";

// Request bodies are bounded per route: a chat request is text (the JSON parser bounds its
// tree too); nothing else takes a body.
constexpr size_t kChatBodyLimit = json_limits::kServeRequest.max_bytes;
constexpr size_t kOtherBodyLimit = 64u << 10;

size_t route_body_limit(const std::string& method, const std::string& path) {
  if (method != "POST") return kOtherBodyLimit;
  // Every format's route is a POST outside /stats: a chat request.
  return path.rfind("/stats", 0) == 0 ? kOtherBodyLimit : kChatBodyLimit;
}

void send_stream(httplib::Response& res, std::vector<std::string> events, const FaultDecision& d);

class Service {
 public:
  Service(const Backend& backend, const FaultConfig& faults) : backend_(backend), faults_(faults) {}

  void chat(const WireFormat& api, const httplib::Request& req, httplib::Response& res);
  void models(const httplib::Request& req, httplib::Response& res) const;
  ServeStats& stats() { return stats_; }

 private:
  void rate_headers(const WireFormat& api, httplib::Response& res, const FaultDecision& d) const;
  bool inject(const WireFormat& api, const httplib::Request& req, httplib::Response& res, const FaultDecision& d,
              const std::string& model);

  const Backend& backend_;
  FaultInjector faults_;
  ServeStats stats_;
};

void Service::rate_headers(const WireFormat& api, httplib::Response& res, const FaultDecision& d) const {
  if (!faults_.rate_limited()) return;
  const double rate = faults_.config().rate_limit_per_s;
  const auto limit = std::max<int64_t>(1, std::llround(rate));
  const auto remaining = static_cast<int64_t>(std::floor(std::max(0.0, d.remaining_tokens)));
  const double reset_s = d.fault == Fault::rate_limited ? d.retry_after_s
                                                        : (static_cast<double>(limit) - d.remaining_tokens) / rate;
  api.rate_headers(res, limit, remaining, reset_s);
}

// Applies a fault; true when the response is complete (nothing more to answer).
bool Service::inject(const WireFormat& api, const httplib::Request& req, httplib::Response& res, const FaultDecision& d,
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
      api.send_error(res,
                 WireError(429, "rate_limit",
                           fmt::format("Rate limit reached for requests on model '{}': limit {:g} requests "
                                       "per second. Please try again in {}.",
                                       model, faults_.config().rate_limit_per_s, duration_text(wait)),
                           "", "rate_limit_exceeded"));
      return true;
    }
    case Fault::error:
      if (d.variant % 2 == 0)
        api.send_error(res, WireError(500, "server",
                                       "The server had an error while processing your request. Sorry about that! "
                                       "(injected by --error-rate)"));
      else  // Anthropic says "overloaded" with its own status, 529
        api.send_error(res, api.overloaded());
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

void Service::chat(const WireFormat& api, const httplib::Request& req, httplib::Response& res) {
  const std::string body_key = sha256_hex(req.body);
  const std::string request_id = make_id("req_", body_key, 24);
  res.set_header(api.request_id_header(), request_id);
  ChatQuery query;
  try {
    api.check_auth(req);
    query = api.parse(req);
    if (!backend_.has_model(query.model)) throw api.model_not_found(query.model);
  } catch (const WireError& e) {
    stats_.rejected();
    api.send_error(res, e);
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
  const int n = api.choices(query);
  for (int i = 0; i < n; ++i) {
    auto text = backend_.answer(query, i);
    if (!text) {
      stats_.not_found(query.model);
      // 422, not 404: the model exists and the request is valid; a 404 would say that the
      // model or URL is wrong, and clients stop asking an endpoint that says that.
      api.send_error(res,
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
    send_stream(res, api.stream_events(query, choices, body_key), d);
    stats_.answered(query.model, body_key);
    return;
  }
  const std::string body = api.answer_body(query, choices, body_key);
  res.status = 200;
  api.timing_headers(res, std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
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

  for (const auto& format : wire_formats())
    svr.Post(format->route(), [&service, &api = *format](const httplib::Request& q, httplib::Response& r) {
      service.chat(api, q, r);
    });
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
    openai_format().send_error(r, WireError(500, "server", "internal error: " + what));
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
