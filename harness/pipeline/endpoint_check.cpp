#include "harness/pipeline/endpoint_check.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "core/errors.hpp"
#include "core/json.hpp"
#include "core/json_bounded.hpp"
#include "core/secrets.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/extra_headers.hpp"
#include "harness/runner/http_transfer.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

struct PlainReply {
  long status = 0;
  std::string body;
  TransportFailure failure = TransportFailure::none;
  std::string transport_error;
};

size_t append_capped(char* data, size_t size, size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() > (1u << 20)) return 0;  // a model list or a one-token answer is small
  body->append(data, size * count);
  return size * count;
}

// One request on its own easy handle: POST of its body, or GET when `post` is false.
PlainReply send(const HttpRequest& request, bool post, double timeout_seconds) {
  const std::string& url = request.url;
  PlainReply reply;
  CURL* curl = curl_easy_init();
  if (!curl) {
    reply.failure = TransportFailure::other;
    reply.transport_error = "libcurl could not start";
    return reply;
  }
  curl_slist* list = nullptr;
  for (const auto& [name, value] : request.headers) list = curl_slist_append(list, (name + ": " + value).c_str());
  char error_buffer[CURL_ERROR_SIZE] = {};
  const long timeout_ms = std::max(1L, static_cast<long>(timeout_seconds * 1000));
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "distillscope/" DS_VERSION);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 5000L));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_capped);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  if (post) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  set_request_signing(curl, request);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  if (code != CURLE_OK) {
    reply.failure = transport_failure_of(code);
    reply.transport_error = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return reply;
}

// The provider's explanation of a non-2xx reply ("HTTP 401: invalid_api_key: ..."), without
// the key or a header value a server may echo.
std::string why(const ModelSpec& spec, const PlainReply& reply, const std::string& key, const HeaderPairs& headers) {
  std::string text = parse_http_reply(spec, HttpReply{reply.status, {}, reply.body}).error;
  redact_secret(text, key);
  for (const auto& value : secret_header_values(headers)) redact_secret(text, value);
  return text;
}

class Checker {
 public:
  Checker(const ModelSpec& spec, const CheckOptions& options)
      : spec_(spec), options_(options),
        key_env_(api_key_env_name(spec.provider, EndpointOptions{options.api_key_env})),
        key_(read_api_key(spec.provider, EndpointOptions{options.api_key_env})) {
    result_.spec = spec;
  }

  EndpointCheck run() {
    const std::string url = models_url(spec_);
    if (url.empty()) return try_completion();  // the provider lists no models here
    HttpRequest get{url, auth_headers(spec_, key_), "", "", ""};
    get.headers.insert(get.headers.end(), options_.headers.begin(), options_.headers.end());
    const PlainReply list = fetch(get, false);
    if (list.failure != TransportFailure::none) return transport_problem(url, list);
    if (list.status == 401) throw key_refused(url, list);
    if (list.status == 200 && listed(list.body)) return result_;
    // No list, a list without this name (servers list aliases differently), or a key that
    // may not list models: one token from the model itself decides.
    return try_completion();
  }

 private:
  PlainReply fetch(const HttpRequest& request, bool post) {
    ++result_.requests;
    return send(request, post, options_.timeout_seconds);
  }

  bool listed(const std::string& body) {
    const JsonParse parsed = try_parse_json(body, json_limits::kChildMessage);
    const json& doc = parsed.value;
    if (!parsed.ok() || !doc.is_object() || !doc.contains("data") || !doc["data"].is_array()) return false;
    for (const auto& m : doc["data"]) {
      if (!m.is_object()) continue;
      const auto id = m.find("id");
      if (id == m.end() || *id != spec_.model) continue;
      const auto simulated = m.find("simulated");
      result_.simulated = simulated != m.end() && *simulated == true;
      return true;
    }
    return false;
  }

  EndpointCheck try_completion() {
    Request ping;
    ping.messages = {{"user", "Reply with one word: ready."}};
    ping.params.max_tokens = 1;
    HttpRequest http = build_http_request(spec_, ping, key_);
    http.headers.insert(http.headers.end(), options_.headers.begin(), options_.headers.end());
    const PlainReply reply = fetch(http, true);
    if (reply.failure != TransportFailure::none) return transport_problem(http.url, reply);
    if (reply.status == 401 || reply.status == 403) throw key_refused(http.url, reply);
    if (reply.status == 404)
      throw InputError(fmt::format(
          "model '{}' was not found at {} ({}); check the model name and the base URL in '{}' "
          "(an OpenAI-compatible base URL usually ends in /v1)",
          spec_.model, http.url, why(spec_, reply, key_, options_.headers), spec_.text));
    if (reply.status < 200 || reply.status >= 300)
      result_.warnings.push_back(fmt::format("pre-flight request to {} answered {}; going on",
                                             http.url, why(spec_, reply, key_, options_.headers)));
    return result_;
  }

  EndpointCheck transport_problem(const std::string& url, const PlainReply& reply) {
    if (reply.failure == TransportFailure::refused)
      throw InputError(fmt::format(
          "cannot connect to {} ({}); is the server running, and are the host and port in '{}' right?",
          url, reply.transport_error, spec_.text));
    // A name that does not resolve will not resolve on the thousandth retry either.
    if (reply.failure == TransportFailure::unresolved)
      throw InputError(fmt::format("cannot resolve the host of {} ({}); check the host name in '{}' and that this "
                                   "machine can reach a DNS server",
                                   url, reply.transport_error, spec_.text));
    result_.warnings.push_back(
        fmt::format("pre-flight request to {} failed ({}); going on", url, reply.transport_error));
    return result_;
  }

  InputError key_refused(const std::string& url, const PlainReply& reply) const {
    if (key_.empty())
      return InputError(fmt::format("{} refused a request without a key ({}); set {} (or name another "
                                    "variable with --api-key-env)",
                                    url, why(spec_, reply, key_, options_.headers), key_env_));
    return InputError(fmt::format("the key in {} was refused by {} ({}); check the key and that it "
                                  "belongs to this endpoint",
                                  key_env_, url, why(spec_, reply, key_, options_.headers)));
  }

  const ModelSpec& spec_;
  const CheckOptions& options_;
  std::string key_env_;
  std::string key_;
  EndpointCheck result_;
};

// The providers' own hosted APIs (core/model_spec's table) answer every request without a key
// with 401. A hosted URL with a placeholder ("https://bedrock-runtime.{AWS_REGION}...") is
// matched up to it.
bool providers_hosted_api(const ModelSpec& spec) {
  const std::string hosted = provider_info(spec.provider).hosted_base_url;
  if (hosted.empty()) return false;
  return spec.base_url.rfind(hosted.substr(0, hosted.find('{')), 0) == 0;
}

// A key the run cannot do without that is not set: said before any request, naming the
// variable, instead of retrying refusals. A variable named with --api-key-env must be set;
// the provider's own variable only for its hosted API (a local server needs no key).
void require_keys(const std::vector<ModelSpec>& specs, const CheckOptions& options) {
  std::set<std::string> lines;
  for (const auto& spec : specs) {
    const EndpointOptions endpoint{options.api_key_env};
    if (!read_api_key(spec.provider, endpoint).empty()) continue;
    const std::string variable = api_key_env_name(spec.provider, endpoint);
    if (!options.api_key_env.empty())
      lines.insert(fmt::format("--api-key-env names {}, which is not set (or empty): set it to the key of '{}'",
                               variable, spec.text));
    else if (providers_hosted_api(spec))
      lines.insert(fmt::format("no API key for '{}' (the hosted API at {}): set {}, or name another variable "
                               "with --api-key-env",
                               spec.text, spec.base_url, variable));
  }
  if (lines.size() == 1) throw InputError(*lines.begin() + "; nothing was sent");
  if (!lines.empty())
    throw InputError(fmt::format("{} API keys are missing; nothing was sent:\n  {}", lines.size(), fmt::join(lines, "\n  ")));
}

}  // namespace

EndpointCheck check_endpoint(const ModelSpec& spec, const CheckOptions& options) {
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return Checker(spec, options).run();
}

std::vector<EndpointCheck> check_endpoints(const std::vector<ModelSpec>& specs, const CheckOptions& options) {
  require_keys(specs, options);
  std::vector<EndpointCheck> results(specs.size());
  std::vector<std::string> refusals(specs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < specs.size(); ++i)
    threads.emplace_back([&, i] {
      try {
        results[i] = check_endpoint(specs[i], options);
      } catch (const std::exception& e) {
        refusals[i] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  std::string message;
  size_t refused = 0;
  for (const auto& r : refusals)
    if (!r.empty()) {
      message += (refused++ ? "\n  " : "") + r;
    }
  if (refused == 1) throw InputError(message);
  if (refused > 1) throw InputError(fmt::format("{} endpoints refused the pre-flight check:\n  {}", refused, message));
  return results;
}

}  // namespace ds::harness
