#include "harness/endpoints/endpoint.hpp"

#include <fmt/format.h>

#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"
#include "core/utf8.hpp"

namespace ds::harness {

namespace {

// A short, printable excerpt of a body for an error message: bodies can be huge or binary.
std::string excerpt(const std::string& body) {
  constexpr size_t kMax = 160;
  std::string out;
  for (size_t i = 0; i < body.size() && out.size() < kMax; ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  if (body.size() > kMax) out += "...";
  return out;
}

}  // namespace

std::string default_api_key_env(Provider provider) { return provider_api(provider).key_variable_text(); }

std::string api_key_env_name(Provider provider, const EndpointOptions& options) {
  return options.api_key_env.empty() ? default_api_key_env(provider) : options.api_key_env;
}

std::string read_api_key(Provider provider, const EndpointOptions& options) {
  return provider_api(provider).read_key(options.api_key_env);
}

std::string endpoint_url(const ModelSpec& spec) { return provider_api(spec.provider).chat_url(spec, false); }

json request_body(const ModelSpec& spec, const Request& request) {
  return provider_api(spec.provider).request_body(spec, request);
}

std::string models_url(const ModelSpec& spec) {
  return provider_api(spec.provider).models_url(spec).value_or("");
}

std::vector<std::pair<std::string, std::string>> auth_headers(const ModelSpec& spec,
                                                               const std::string& api_key) {
  HttpRequest http;
  provider_api(spec.provider).authenticate(spec, api_key, http);
  return http.headers;
}

HttpRequest build_http_request(const ModelSpec& spec, const Request& request,
                               const std::string& api_key, bool stream) {
  const ProviderApi& api = provider_api(spec.provider);
  HttpRequest http;
  http.url = api.chat_url(spec, stream);
  json body = api.request_body(spec, request);
  if (stream) api.ask_to_stream(body);
  http.body = dump_json(body);
  http.headers.emplace_back("Content-Type", "application/json");
  http.headers.emplace_back("Accept", stream ? "text/event-stream" : "application/json");
  api.authenticate(spec, api_key, http);
  return http;
}

Response parse_http_reply(const ModelSpec& spec, const HttpReply& reply) {
  Response failed;
  failed.http_status = static_cast<int>(reply.status);
  try {
    // Bounded in depth and size: a hostile endpoint's 100,000-deep array is "not valid
    // JSON" here, not a stack overflow later.
    const JsonParse parsed = try_parse_json(reply.body, json_limits::kEndpointReply);
    const json& body = parsed.value;
    const bool is_json = parsed.ok();
    const ProviderApi& api = provider_api(spec.provider);
    if (reply.status < 200 || reply.status >= 300) {
      std::string why = is_json ? api.error_message(body) : "";
      if (why.empty()) why = reply.body.empty() ? "empty body" : excerpt(reply.body);
      failed.error = fmt::format("HTTP {}: {}", reply.status, excerpt_for_message(why, 1000));
      return failed;
    }
    if (!is_json) {
      failed.error = fmt::format("malformed response body (not valid JSON, {} bytes; {}): {}",
                                 reply.body.size(), parsed.error, excerpt(reply.body));
      return failed;
    }
    if (const std::string why = api.error_message(body); !why.empty()) {
      failed.error = fmt::format("error body with HTTP {}: {}", reply.status, excerpt_for_message(why, 1000));
      return failed;
    }
    Response r = api.read_reply(body);
    r.http_status = failed.http_status;
    return r;
  } catch (const std::exception& e) {
    failed.error = fmt::format("malformed response body: {}", e.what());
  } catch (...) {
    failed.error = "malformed response body: unknown error while reading it";
  }
  return failed;
}

}  // namespace ds::harness
