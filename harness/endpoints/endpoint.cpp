#include "harness/endpoints/endpoint.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "harness/endpoints/anthropic.hpp"
#include "harness/endpoints/openai.hpp"
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

// The provider's own explanation from an error body: OpenAI {"error":{"message","type",
// "code"}}, Anthropic {"type":"error","error":{"type","message"}}; "" when there is none.
std::string error_body_message(const json& body) {
  if (!body.is_object()) return "";
  const auto error = body.find("error");
  if (error == body.end() || error->is_null()) return "";
  if (error->is_string()) return error->get<std::string>();
  if (!error->is_object()) return "error of unexpected type " + std::string(error->type_name());
  std::string kind, message;
  for (const char* key : {"type", "code"}) {
    const auto it = error->find(key);
    if (it != error->end() && it->is_string() && kind.empty()) kind = it->get<std::string>();
  }
  const auto it = error->find("message");
  if (it != error->end() && it->is_string()) message = it->get<std::string>();
  if (kind.empty()) return message.empty() ? "unspecified error" : message;
  return message.empty() ? kind : kind + ": " + message;
}

}  // namespace

std::string default_api_key_env(Provider provider) {
  return provider == Provider::OpenAI ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY";
}

std::string api_key_env_name(Provider provider, const EndpointOptions& options) {
  return options.api_key_env.empty() ? default_api_key_env(provider) : options.api_key_env;
}

std::string read_api_key(Provider provider, const EndpointOptions& options) {
  const char* value = std::getenv(api_key_env_name(provider, options).c_str());
  return value ? std::string(value) : std::string();
}

std::string endpoint_url(const ModelSpec& spec) {
  return spec.base_url + (spec.provider == Provider::OpenAI ? "/chat/completions" : "/messages");
}

json request_body(const ModelSpec& spec, const Request& request) {
  return spec.provider == Provider::OpenAI ? openai_request_body(spec, request)
                                           : anthropic_request_body(spec, request);
}

std::string models_url(const ModelSpec& spec) { return spec.base_url + "/models"; }

std::vector<std::pair<std::string, std::string>> auth_headers(const ModelSpec& spec,
                                                               const std::string& api_key) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (spec.provider == Provider::OpenAI) {
    if (!api_key.empty()) headers.emplace_back("Authorization", "Bearer " + api_key);
  } else {
    if (!api_key.empty()) headers.emplace_back("x-api-key", api_key);
    headers.emplace_back("anthropic-version", kAnthropicVersion);
  }
  return headers;
}

HttpRequest build_http_request(const ModelSpec& spec, const Request& request,
                               const std::string& api_key, bool stream) {
  HttpRequest http;
  http.url = endpoint_url(spec);
  json body = request_body(spec, request);
  if (stream) {
    body["stream"] = true;
    if (spec.provider == Provider::OpenAI) body["stream_options"] = {{"include_usage", true}};
  }
  http.body = dump_json(body);
  http.headers.emplace_back("Content-Type", "application/json");
  http.headers.emplace_back("Accept", stream ? "text/event-stream" : "application/json");
  for (auto& header : auth_headers(spec, api_key)) http.headers.push_back(std::move(header));
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
    if (reply.status < 200 || reply.status >= 300) {
      std::string why = is_json ? error_body_message(body) : "";
      if (why.empty()) why = reply.body.empty() ? "empty body" : excerpt(reply.body);
      failed.error = fmt::format("HTTP {}: {}", reply.status, excerpt_for_message(why, 1000));
      return failed;
    }
    if (!is_json) {
      failed.error = fmt::format("malformed response body (not valid JSON, {} bytes; {}): {}",
                                 reply.body.size(), parsed.error, excerpt(reply.body));
      return failed;
    }
    if (const std::string why = error_body_message(body); !why.empty()) {
      failed.error = fmt::format("error body with HTTP {}: {}", reply.status, excerpt_for_message(why, 1000));
      return failed;
    }
    Response r = spec.provider == Provider::OpenAI ? openai_read_reply(body)
                                                   : anthropic_read_reply(body);
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
