#include "harness/endpoints/gemini.hpp"

#include <fmt/format.h>

#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

// Finish reasons meaning a filter withheld the text, as the API names them.
bool is_block_reason(const std::string& reason) {
  return reason == "SAFETY" || reason == "RECITATION" || reason == "BLOCKLIST" || reason == "PROHIBITED_CONTENT" ||
         reason == "SPII" || reason == "IMAGE_SAFETY";
}

json text_parts(const std::string& text) { return json::array({{{"text", text}}}); }

class GeminiApi : public ProviderApi {
 public:
  // As Google's SDKs read them: GEMINI_API_KEY first, then GOOGLE_API_KEY.
  std::vector<std::string> key_variables() const override { return {"GEMINI_API_KEY", "GOOGLE_API_KEY"}; }
  std::string key_variable_text() const override { return "GEMINI_API_KEY (or GOOGLE_API_KEY)"; }
  std::string chat_url(const ModelSpec& spec, bool stream) const override {
    return spec.base_url + "/models/" + spec.model +
           (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
  }
  json request_body(const ModelSpec& spec, const Request& request) const override;
  void authenticate(const ModelSpec&, const std::string& key, HttpRequest& http) const override {
    if (!key.empty()) http.headers.emplace_back("x-goog-api-key", key);
  }
  Response read_reply(const json& body) const override {
    StreamState state;
    gemini_add_chunk(body, state);
    return state.response;
  }
  bool read_stream_event(const std::string&, const json& body, StreamState& state) const override {
    const bool first = gemini_add_chunk(body, state);
    // The last chunk is the one with a finish reason (or a block); there is no end marker.
    if (!state.response.finish_reason.empty() || state.response.blocked) state.ended = true;
    return first;
  }
  std::string stream_end_name() const override { return "a chunk with 'finishReason'"; }
};

json GeminiApi::request_body(const ModelSpec&, const Request& request) const {
  json contents = json::array();
  for (const auto& m : request.messages)
    contents.push_back({{"role", m.role == "assistant" ? "model" : "user"}, {"parts", text_parts(m.content)}});
  json body = {{"contents", std::move(contents)}};
  if (!request.system.empty()) body["systemInstruction"] = {{"parts", text_parts(request.system)}};
  json config = json::object();
  const GenParams& p = request.params;
  if (p.temperature) config["temperature"] = *p.temperature;
  if (p.top_p) config["topP"] = *p.top_p;
  if (p.max_tokens) config["maxOutputTokens"] = *p.max_tokens;
  if (p.seed) config["seed"] = *p.seed;
  if (!p.stop.empty()) config["stopSequences"] = p.stop;
  // Log-probabilities (responseLogprobs) are not requested: few Gemini models return them.
  if (!config.empty()) body["generationConfig"] = std::move(config);
  return body;
}

}  // namespace

bool gemini_add_chunk(const json& body, StreamState& state) {
  Response& r = state.response;
  if (const auto usage = body.find("usageMetadata"); usage != body.end() && usage->is_object()) {
    r.usage.prompt_tokens = optional_count(*usage, "promptTokenCount", "usageMetadata");
    r.usage.completion_tokens = optional_count(*usage, "candidatesTokenCount", "usageMetadata");
  }
  if (const auto feedback = body.find("promptFeedback"); feedback != body.end() && feedback->is_object())
    if (const auto reason = feedback->find("blockReason"); reason != feedback->end() && reason->is_string()) {
      r.blocked = true;
      r.error = fmt::format("the prompt was blocked by Gemini's safety filter (blockReason {})",
                            reason->get<std::string>());
      return false;
    }
  const json& candidates = require_member(body, "candidates", "body");
  if (!candidates.is_array() || candidates.empty()) throw ReplyError("'body.candidates' is not a non-empty array");
  const json& candidate = candidates[0];
  if (!candidate.is_object()) throw ReplyError("'candidates[0]' is not a JSON object");
  std::string piece;
  if (const auto content = candidate.find("content"); content != candidate.end() && content->is_object())
    if (const auto parts = content->find("parts"); parts != content->end() && parts->is_array())
      for (const json& part : *parts) {
        if (!part.is_object()) throw ReplyError("'candidates[0].content.parts[]' holds a non-object");
        if (part.value("thought", false)) continue;  // a thinking model's reasoning is not the answer
        if (const auto text = part.find("text"); text != part.end()) {
          if (!text->is_string()) throw ReplyError("'candidates[0].content.parts[].text' is not a string");
          piece += text->get<std::string>();
        }
      }
  const bool first = append_stream_text(state, piece);
  if (const auto finish = candidate.find("finishReason"); finish != candidate.end() && finish->is_string()) {
    r.finish_reason = finish->get<std::string>();
    if (is_block_reason(r.finish_reason) && r.text.empty()) {
      r.blocked = true;
      r.error = fmt::format("the answer was blocked by Gemini's safety filter (finishReason {})", r.finish_reason);
    }
  }
  return first;
}

const ProviderApi& gemini_api() {
  static const GeminiApi api;
  return api;
}

}  // namespace ds::harness
