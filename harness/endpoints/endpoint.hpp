#pragma once
// One interface over the providers' wire formats: turn a Request into the HTTP request a
// provider expects, and turn whatever came back into a Response. Each provider's part is in
// the registry (provider_api.hpp); this holds what is common to all. Transport (libcurl)
// lives in the runner; this layer is pure and never throws on a reply.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct HttpReply {
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

struct EndpointOptions {
  std::string api_key_env;  // "" = the provider's default variable
};

// The provider's first key variable: OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, ...
std::string default_api_key_env(Provider provider);

// The variable actually read for this provider under these options.
std::string api_key_env_name(Provider provider, const EndpointOptions& options);

// The key from the environment, or "" when unset. Kept in memory only.
std::string read_api_key(Provider provider, const EndpointOptions& options);

// Where a (non-streamed) chat request goes: {base}/chat/completions, {base}/messages, ...
std::string endpoint_url(const ModelSpec& spec);

// The JSON body sent to the provider (also what the cache hashes, with no key in it).
json request_body(const ModelSpec& spec, const Request& request);

// URL, headers (content type, auth when `api_key` is non-empty, version) and body. With
// `stream` the request asks for server-sent events ("stream": true; OpenAI also asks for the
// final usage chunk; Gemini asks at another URL); the cache key (request_body) is the same
// either way.
HttpRequest build_http_request(const ModelSpec& spec, const Request& request,
                               const std::string& api_key, bool stream = false);

// The provider's authentication and version headers (none for an empty key).
std::vector<std::pair<std::string, std::string>> auth_headers(const ModelSpec& spec,
                                                               const std::string& api_key);

// {base}/models: the cheap listing the pre-flight check asks first ("" when the provider
// has none: the check then sends a one-token request).
std::string models_url(const ModelSpec& spec);

// Never throws. Anything other than a well-formed success body becomes a Response with
// `error` set (and http_status kept), naming the URL-independent reason.
Response parse_http_reply(const ModelSpec& spec, const HttpReply& reply);

}  // namespace ds::harness
