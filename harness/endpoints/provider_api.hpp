#pragma once
// One provider's wire format and authentication: everything the runner, the pre-flight check
// and the cache need to talk to it. Each provider is one implementation in its own file
// (openai.cpp, anthropic.cpp, azure.cpp, gemini.cpp, bedrock.cpp); provider_api() is the
// registry that maps a spec's provider to it. Nothing here throws on a reply.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

using HeaderPairs = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string url;
  HeaderPairs headers;  // may hold the API key: never log
  std::string body;
  // AWS Signature Version 4, signed by libcurl: "aws:amz:REGION:SERVICE" and the
  // "ACCESS_KEY_ID:SECRET" pair; both empty for every other provider.
  std::string aws_sigv4;
  std::string aws_credentials;  // a secret: never log
};

// A streamed answer being put back together (StreamReply holds one).
struct StreamState {
  Response response;
  bool got_text = false;
  bool ended = false;
};

// Appends a piece of answer text; true when it was the answer's first text.
bool append_stream_text(StreamState& state, const std::string& piece);

class ProviderApi {
 public:
  virtual ~ProviderApi() = default;

  // The environment variables holding the key, the first set one wins
  // (GEMINI_API_KEY, then GOOGLE_API_KEY).
  virtual std::vector<std::string> key_variables() const = 0;
  // The variables as a message names them: "OPENAI_API_KEY", "GEMINI_API_KEY (or
  // GOOGLE_API_KEY)", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".
  virtual std::string key_variable_text() const { return key_variables().front(); }
  // The key from the environment ("" when unset); `override_env` is --api-key-env.
  virtual std::string read_key(const std::string& override_env) const;

  // Where a chat request goes (streaming may use another address).
  virtual std::string chat_url(const ModelSpec& spec, bool stream) const = 0;
  // The JSON body (also what the cache hashes: never a key in it).
  virtual json request_body(const ModelSpec& spec, const Request& request) const = 0;
  // Turns a body into a streaming one ("stream": true); nothing when the URL says it.
  virtual void ask_to_stream(json& /*body*/) const {}
  // Authentication and version headers (none for an empty key) and, for a signed API,
  // the signing fields of `http`.
  virtual void authenticate(const ModelSpec& spec, const std::string& key, HttpRequest& http) const = 0;
  // The model list the pre-flight check asks first, nullopt when the provider has none that
  // this endpoint serves (the check then sends a one-token request).
  virtual std::optional<std::string> models_url(const ModelSpec& /*spec*/) const { return std::nullopt; }

  // Reads a well-formed 2xx body; throws ReplyError naming the first field that is missing
  // or mistyped, or the reason the provider gave no answer (a safety block).
  virtual Response read_reply(const json& body) const = 0;
  // The provider's own explanation in an error body ("" when there is none).
  virtual std::string error_message(const json& body) const;

  // Why --stream cannot be used with this provider ("" = it can).
  virtual std::string stream_unsupported() const { return ""; }
  // The data of a server-sent event that ends the stream without JSON ("[DONE]").
  virtual bool is_end_marker(const std::string& /*data*/) const { return false; }
  // Reads one streamed JSON event (its SSE event name may be empty); true when it carried
  // the answer's first text. Throws ReplyError on a malformed event.
  virtual bool read_stream_event(const std::string& event, const json& body, StreamState& state) const = 0;
  // What a complete stream ends with, for the "cut short" error ("'data: [DONE]'").
  virtual std::string stream_end_name() const = 0;
};

// The registry: the implementation of `provider`.
const ProviderApi& provider_api(Provider provider);

}  // namespace ds::harness
