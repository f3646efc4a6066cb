#pragma once
// OpenAI chat completions (and every compatible server: vLLM, llama.cpp, Ollama).
#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

json openai_request_body(const ModelSpec& spec, const Request& request);

// Reads a 2xx body; throws ReplyError naming the first field that is missing or mistyped.
Response openai_read_reply(const json& body);

// The chat completions format with a bearer key; Azure OpenAI reuses all but the address
// and the key header.
class OpenAiApi : public ProviderApi {
 public:
  std::vector<std::string> key_variables() const override { return {"OPENAI_API_KEY"}; }
  std::string chat_url(const ModelSpec& spec, bool stream) const override;
  json request_body(const ModelSpec& spec, const Request& request) const override;
  void ask_to_stream(json& body) const override;
  void authenticate(const ModelSpec& spec, const std::string& key, HttpRequest& http) const override;
  std::optional<std::string> models_url(const ModelSpec& spec) const override;
  Response read_reply(const json& body) const override { return openai_read_reply(body); }
  bool is_end_marker(const std::string& data) const override { return data == "[DONE]"; }
  bool read_stream_event(const std::string& event, const json& body, StreamState& state) const override;
  std::string stream_end_name() const override { return "'data: [DONE]'"; }
};

const ProviderApi& openai_api();

}  // namespace ds::harness
