#include "harness/endpoints/anthropic.hpp"

#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

json anthropic_request_body(const ModelSpec& spec, const Request& request) {
  json messages = json::array();
  for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
  const GenParams& p = request.params;
  json body = {{"model", spec.model},
               {"max_tokens", p.max_tokens.value_or(kAnthropicDefaultMaxTokens)},
               {"messages", std::move(messages)}};
  if (!request.system.empty()) body["system"] = request.system;
  if (p.temperature) body["temperature"] = *p.temperature;
  if (p.top_p) body["top_p"] = *p.top_p;
  if (!p.stop.empty()) body["stop_sequences"] = p.stop;
  // The messages API offers neither seed nor logprobs; they are not sent.
  return body;
}

Response anthropic_read_reply(const json& body) {
  const json& content = require_member(body, "content", "body");
  if (!content.is_array()) throw ReplyError("'body.content' is not an array");
  Response r;
  for (const json& block : content) {
    if (!block.is_object()) throw ReplyError("'body.content[]' holds a non-object");
    const auto type = block.find("type");
    if (type == block.end() || *type != "text") continue;  // tool use, thinking: not text
    r.text += require_string(block, "text", "content[]");
  }
  const auto stop = body.find("stop_reason");
  if (stop != body.end() && stop->is_string()) r.finish_reason = stop->get<std::string>();
  const auto usage = body.find("usage");
  if (usage != body.end() && !usage->is_null()) {
    r.usage.prompt_tokens = optional_count(*usage, "input_tokens", "usage");
    r.usage.completion_tokens = optional_count(*usage, "output_tokens", "usage");
  }
  return r;
}

namespace {

class AnthropicApi : public ProviderApi {
 public:
  std::vector<std::string> key_variables() const override { return {"ANTHROPIC_API_KEY"}; }
  std::string chat_url(const ModelSpec& spec, bool) const override { return spec.base_url + "/messages"; }
  json request_body(const ModelSpec& spec, const Request& request) const override {
    return anthropic_request_body(spec, request);
  }
  void ask_to_stream(json& body) const override { body["stream"] = true; }
  void authenticate(const ModelSpec&, const std::string& key, HttpRequest& http) const override {
    if (!key.empty()) http.headers.emplace_back("x-api-key", key);
    http.headers.emplace_back("anthropic-version", kAnthropicVersion);
  }
  std::optional<std::string> models_url(const ModelSpec& spec) const override { return spec.base_url + "/models"; }
  Response read_reply(const json& body) const override { return anthropic_read_reply(body); }
  bool read_stream_event(const std::string& event, const json& body, StreamState& state) const override;
  std::string stream_end_name() const override { return "'message_stop'"; }
};

bool AnthropicApi::read_stream_event(const std::string& event_name, const json& event, StreamState& state) const {
  Response& response = state.response;
  const std::string type = event.value("type", event_name);
  if (type == "message_start") {
    const json& message = require_member(event, "message", "message_start");
    if (const auto usage = message.find("usage"); usage != message.end() && !usage->is_null()) {
      response.usage.prompt_tokens = optional_count(*usage, "input_tokens", "usage");
      response.usage.completion_tokens = optional_count(*usage, "output_tokens", "usage");
    }
  } else if (type == "content_block_delta") {
    const json& delta = require_member(event, "delta", "content_block_delta");
    if (delta.value("type", "") != "text_delta") return false;  // thinking, tool input
    return append_stream_text(state, require_string(delta, "text", "content_block_delta.delta"));
  } else if (type == "message_delta") {
    const json& delta = require_member(event, "delta", "message_delta");
    if (delta.contains("stop_reason") && delta["stop_reason"].is_string())
      response.finish_reason = delta["stop_reason"].get<std::string>();
    if (const auto usage = event.find("usage"); usage != event.end() && usage->is_object()) {
      if (usage->contains("output_tokens"))
        response.usage.completion_tokens = optional_count(*usage, "output_tokens", "usage");
      if (usage->contains("input_tokens") && !(*usage)["input_tokens"].is_null())
        response.usage.prompt_tokens = optional_count(*usage, "input_tokens", "usage");
    }
  } else if (type == "message_stop") {
    state.ended = true;
  }
  return false;  // content_block_start/stop, ping and unknown events carry no text
}

}  // namespace

const ProviderApi& anthropic_api() {
  static const AnthropicApi api;
  return api;
}

}  // namespace ds::harness
