#include "harness/endpoints/openai.hpp"

#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

json openai_request_body(const ModelSpec& spec, const Request& request) {
  json messages = json::array();
  if (!request.system.empty()) {
    messages.push_back({{"role", "system"}, {"content", request.system}});
  }
  for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
  json body = {{"model", spec.model}, {"messages", std::move(messages)}};
  const GenParams& p = request.params;
  if (p.temperature) body["temperature"] = *p.temperature;
  if (p.top_p) body["top_p"] = *p.top_p;
  if (p.max_tokens) body["max_tokens"] = *p.max_tokens;
  if (p.seed) body["seed"] = *p.seed;
  if (!p.stop.empty()) body["stop"] = p.stop;
  if (p.logprobs) {
    body["logprobs"] = true;
    if (p.top_logprobs) body["top_logprobs"] = *p.top_logprobs;
  }
  return body;
}

Response openai_read_reply(const json& body) {
  const json& choices = require_member(body, "choices", "body");
  if (!choices.is_array() || choices.empty()) throw ReplyError("'body.choices' is not a non-empty array");
  const json& choice = choices[0];
  const json& message = require_member(choice, "message", "choices[0]");
  Response r;
  const json& content = require_member(message, "content", "choices[0].message");
  if (content.is_string()) {
    r.text = content.get<std::string>();
  } else if (content.is_null()) {
    // A refusal or a tool call carries no content; an empty answer is still an answer.
    const auto refusal = message.find("refusal");
    if (refusal != message.end() && refusal->is_string()) r.text = refusal->get<std::string>();
  } else {
    throw ReplyError("'choices[0].message.content' is " + std::string(content.type_name()) +
                     ", expected a string");
  }
  const auto finish = choice.find("finish_reason");
  if (finish != choice.end() && finish->is_string()) r.finish_reason = finish->get<std::string>();
  const auto logprobs = choice.find("logprobs");
  if (logprobs != choice.end() && logprobs->is_object()) r.logprobs = *logprobs;
  const auto usage = body.find("usage");
  if (usage != body.end() && !usage->is_null()) {
    r.usage.prompt_tokens = optional_count(*usage, "prompt_tokens", "usage");
    r.usage.completion_tokens = optional_count(*usage, "completion_tokens", "usage");
  }
  return r;
}

std::string OpenAiApi::chat_url(const ModelSpec& spec, bool) const { return spec.base_url + "/chat/completions"; }

json OpenAiApi::request_body(const ModelSpec& spec, const Request& request) const {
  return openai_request_body(spec, request);
}

void OpenAiApi::ask_to_stream(json& body) const {
  body["stream"] = true;
  body["stream_options"] = {{"include_usage", true}};  // the final chunk then carries usage
}

void OpenAiApi::authenticate(const ModelSpec&, const std::string& key, HttpRequest& http) const {
  if (!key.empty()) http.headers.emplace_back("Authorization", "Bearer " + key);
}

std::optional<std::string> OpenAiApi::models_url(const ModelSpec& spec) const { return spec.base_url + "/models"; }

bool OpenAiApi::read_stream_event(const std::string&, const json& chunk, StreamState& state) const {
  Response& response = state.response;
  if (const auto usage = chunk.find("usage"); usage != chunk.end() && !usage->is_null()) {
    response.usage.prompt_tokens = optional_count(*usage, "prompt_tokens", "usage");
    response.usage.completion_tokens = optional_count(*usage, "completion_tokens", "usage");
  }
  const auto choices = chunk.find("choices");
  if (choices == chunk.end() || !choices->is_array() || choices->empty()) return false;
  const json& choice = (*choices)[0];
  if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
    response.finish_reason = choice["finish_reason"].get<std::string>();
  // Each chunk carries the log-probabilities of its own tokens: joined in order.
  if (const auto lp = choice.find("logprobs"); lp != choice.end() && lp->is_object() && lp->contains("content") &&
                                               (*lp)["content"].is_array()) {
    if (!response.logprobs) response.logprobs = json{{"content", json::array()}};
    for (const auto& entry : (*lp)["content"]) (*response.logprobs)["content"].push_back(entry);
  }
  const auto delta = choice.find("delta");
  if (delta == choice.end() || !delta->is_object()) return false;
  std::string piece;
  for (const char* key : {"content", "refusal"})
    if (const auto it = delta->find(key); it != delta->end() && it->is_string()) piece += it->get<std::string>();
  return append_stream_text(state, piece);
}

const ProviderApi& openai_api() {
  static const OpenAiApi api;
  return api;
}

}  // namespace ds::harness
