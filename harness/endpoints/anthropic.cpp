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

}  // namespace ds::harness
