#include "harness/server/wire_gemini.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/json_bounded.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

// Google's status names for the HTTP statuses serve answers.
const char* status_name(int status) {
  switch (status) {
    case 400: return "INVALID_ARGUMENT";
    case 401: return "UNAUTHENTICATED";
    case 403: return "PERMISSION_DENIED";
    case 404: return "NOT_FOUND";
    case 422: return "FAILED_PRECONDITION";
    case 429: return "RESOURCE_EXHAUSTED";
    case 503: return "UNAVAILABLE";
    default: return status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
  }
}

const char* finish_reason(const ShapedCompletion& c) { return c.finish == Finish::length ? "MAX_TOKENS" : "STOP"; }

json usage(const ShapedCompletion& c, int64_t completion_tokens) {
  return {{"promptTokenCount", c.prompt_tokens},
          {"candidatesTokenCount", completion_tokens},
          {"totalTokenCount", c.prompt_tokens + completion_tokens}};
}

json chunk(const ChatQuery& query, const std::string& text, const std::string& id) {
  return {{"candidates", json::array({{{"content", {{"parts", json::array({{{"text", text}}})}, {"role", "model"}}},
                                       {"index", 0}}})},
          {"modelVersion", query.model},
          {"responseId", id}};
}

class GeminiFormat : public WireFormat {
 public:
  // v1beta as our client and Google's docs use; v1 as newer @google/genai releases default to.
  std::string route() const override {
    return R"(/v1(?:beta)?/models/([^/:]+):(generateContent|streamGenerateContent))";
  }
  void check_auth(const WireRequest& req) const override {
    if (req.get_header_value("x-goog-api-key").empty() && req.get_param_value("key").empty())
      throw WireError(403, "permission",
                      "Method doesn't allow unregistered callers (callers without established identity). Please use "
                      "API Key or other form of API consumer identity to call this API.");
  }
  ChatQuery parse(const WireRequest& req) const override;
  WireError model_not_found(const std::string& model) const override {
    return WireError(404, "not_found",
                     fmt::format("models/{} is not found for API version v1beta, or is not supported for "
                                 "generateContent.",
                                 model));
  }
  json error_body(const WireError& e) const override {
    return {{"error", {{"code", e.status}, {"message", e.what()}, {"status", status_name(e.status)}}}};
  }
  std::string answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                          const std::string& body_key) const override {
    const ShapedCompletion& c = choices.front();
    json body = chunk(query, c.text, make_id("", body_key, 22));
    body["candidates"][0]["finishReason"] = finish_reason(c);
    body["usageMetadata"] = usage(c, c.completion_tokens);
    return dump_json(body);
  }
  // One chunk per token, the last with the finish reason and the full usage, each as
  // "data: {...}\r\n\r\n" as Google's servers send them.
  std::vector<std::string> stream_events(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                         const std::string& body_key) const override {
    const ShapedCompletion& c = choices.front();
    const std::string id = make_id("", body_key, 22);
    std::vector<std::string> events;
    int64_t sent = 0;
    for (const auto& token : c.tokens) {
      json body = chunk(query, token, id);
      body["usageMetadata"] = usage(c, ++sent);
      events.push_back("data: " + dump_json(body) + "\r\n\r\n");
    }
    json last = chunk(query, "", id);
    last["candidates"][0]["finishReason"] = finish_reason(c);
    last["usageMetadata"] = usage(c, c.completion_tokens);
    events.push_back("data: " + dump_json(last) + "\r\n\r\n");
    return events;
  }
};

ChatQuery GeminiFormat::parse(const WireRequest& req) const {
  const json body = parse_wire_body(req.body);
  ChatQuery q;
  q.model = req.matches[1];
  q.stream = req.matches[2] == "streamGenerateContent";
  if (q.stream && req.get_param_value("alt") != "sse")
    throw WireError(400, "invalid_request", "serve streams only as server-sent events: add ?alt=sse");
  const auto contents = body.find("contents");
  if (contents == body.end() || !contents->is_array() || contents->empty())
    throw WireError(400, "invalid_request", "* GenerateContentRequest.contents: contents is not specified");
  for (size_t i = 0; i < contents->size(); ++i) {
    const json& c = (*contents)[i];
    const std::string where = fmt::format("contents[{}]", i);
    if (!c.is_object() || !c.contains("parts")) throw WireError(400, "invalid_request", where + ".parts: required");
    const std::string role = c.value("role", "user");
    if (role != "user" && role != "model")
      throw WireError(400, "invalid_request", where + ".role: Please use a valid role: user, model.");
    q.messages.push_back({role == "model" ? "assistant" : "user", text_of_blocks(c["parts"], where + ".parts")});
  }
  if (const auto system = body.find("systemInstruction"); system != body.end() && !system->is_null()) {
    if (!system->is_object() || !system->contains("parts"))
      throw WireError(400, "invalid_request", "systemInstruction.parts: required");
    q.system = text_of_blocks((*system)["parts"], "systemInstruction.parts");
  }
  if (const auto config = body.find("generationConfig"); config != body.end() && config->is_object()) {
    const std::string where = "generationConfig";
    if (const auto max = optional_number(*config, "maxOutputTokens", where, 1, 1 << 20))
      q.max_tokens = static_cast<int>(*max);
    q.temperature = optional_number(*config, "temperature", where, 0, 2);
    if (const auto seed = optional_number(*config, "seed", where, -2147483648.0, 2147483647.0))
      q.seed = static_cast<int64_t>(*seed);
    q.stop = optional_strings(*config, "stopSequences", where);
  }
  return q;
}

}  // namespace

std::unique_ptr<WireFormat> make_gemini_format() { return std::make_unique<GeminiFormat>(); }

}  // namespace ds::harness::server
