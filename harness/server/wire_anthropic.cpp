#include "harness/server/wire_anthropic.hpp"
#include "core/json_bounded.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include "harness/layer.hpp"

namespace ds::harness::server::anthropic {

namespace {

WireError invalid(const std::string& message) { return WireError(400, "invalid_request", message); }

// Content is a string or an array of blocks [{"type": "text", "text": ...}].
std::string content_text(const json& content, const std::string& where) {
  if (content.is_string()) return content.get<std::string>();
  if (content.is_array()) {
    std::string text;
    for (const auto& block : content) {
      const auto type = block.is_object() ? block.find("type") : block.end();
      if (type == block.end() || !type->is_string() || *type != "text" || !block.contains("text") ||
          !block["text"].is_string())
        throw invalid(fmt::format("{}: only text content blocks are supported", where));
      text += block["text"].get<std::string>();
    }
    return text;
  }
  throw invalid(fmt::format("{}: Input should be a valid string or a list of content blocks", where));
}

}  // namespace

ChatQuery parse_request(const std::string& text) {
  JsonParse parsed = try_parse_json(text, json_limits::kServeRequest);
  if (!parsed.ok())
    throw invalid("There was an issue with your request body: it is not valid JSON (" + parsed.error + ").");
  json body = std::move(parsed.value);
  if (!body.is_object()) throw invalid("The request body must be a JSON object.");
  ChatQuery q;
  if (!body.contains("model") || !body["model"].is_string() || body["model"].get<std::string>().empty())
    throw invalid("model: Field required");
  q.model = body["model"].get<std::string>();
  if (!body.contains("max_tokens")) throw invalid("max_tokens: Field required");
  if (!body["max_tokens"].is_number_integer() || body["max_tokens"].get<int64_t>() < 1)
    throw invalid("max_tokens: Input should be a valid integer greater than or equal to 1");
  q.max_tokens = static_cast<int>(std::min<int64_t>(body["max_tokens"].get<int64_t>(), 1 << 20));
  if (!body.contains("messages")) throw invalid("messages: Field required");
  if (!body["messages"].is_array() || body["messages"].empty())
    throw invalid("messages: Input should be a non-empty list");
  size_t i = 0;
  for (const auto& m : body["messages"]) {
    const std::string where = fmt::format("messages.{}", i);
    if (!m.is_object() || !m.contains("role") || !m["role"].is_string())
      throw invalid(where + ".role: Field required");
    const auto role = m["role"].get<std::string>();
    if (role != "user" && role != "assistant")
      throw invalid(fmt::format("{}.role: Input should be 'user' or 'assistant'", where));
    if (!m.contains("content")) throw invalid(where + ".content: Field required");
    q.messages.push_back({role, content_text(m["content"], where + ".content")});
    ++i;
  }
  if (q.messages.back().role != "user")
    throw invalid("messages: the final message must have role 'user' (assistant prefill is not supported)");
  if (body.contains("system") && !body["system"].is_null())
    q.system = content_text(body["system"], "system");
  if (body.contains("stop_sequences") && !body["stop_sequences"].is_null()) {
    if (!body["stop_sequences"].is_array()) throw invalid("stop_sequences: Input should be a valid list");
    for (const auto& s : body["stop_sequences"]) {
      if (!s.is_string()) throw invalid("stop_sequences: Input should be a list of strings");
      q.stop.push_back(s.get<std::string>());
    }
  }
  if (body.contains("temperature") && !body["temperature"].is_null()) {
    if (!body["temperature"].is_number() || body["temperature"].get<double>() < 0 ||
        body["temperature"].get<double>() > 1)
      throw invalid("temperature: Input should be a number between 0 and 1");
    q.temperature = body["temperature"].get<double>();
  }
  if (body.contains("stream") && !body["stream"].is_null()) {
    if (!body["stream"].is_boolean()) throw invalid("stream: Input should be a valid boolean");
    q.stream = body["stream"].get<bool>();
  }
  // Not an Anthropic parameter; accepted in metadata so simulated samples can be varied.
  if (body.contains("metadata") && body["metadata"].is_object() && body["metadata"].contains("seed") &&
      body["metadata"]["seed"].is_number_integer())
    q.seed = body["metadata"]["seed"].get<int64_t>();
  return q;
}

namespace {

const char* stop_reason_of(const ShapedCompletion& c) {
  return c.finish == Finish::length          ? "max_tokens"
         : c.finish == Finish::stop_sequence ? "stop_sequence"
                                             : "end_turn";
}

}  // namespace

std::vector<std::pair<std::string, json>> stream_events(const ChatQuery& query, const ShapedCompletion& c,
                                                         const std::string& id) {
  std::vector<std::pair<std::string, json>> out;
  const auto event = [&](const char* type, json data) {
    data["type"] = type;
    out.emplace_back(type, std::move(data));
  };
  event("message_start", {{"message", {{"id", id}, {"type", "message"}, {"role", "assistant"}, {"model", query.model},
                                       {"content", json::array()}, {"stop_reason", nullptr}, {"stop_sequence", nullptr},
                                       {"usage", {{"input_tokens", c.prompt_tokens}, {"output_tokens", 1}}}}}});
  event("content_block_start", {{"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}});
  event("ping", json::object());
  for (const auto& token : c.tokens)
    event("content_block_delta", {{"index", 0}, {"delta", {{"type", "text_delta"}, {"text", token}}}});
  event("content_block_stop", {{"index", 0}});
  event("message_delta", {{"delta", {{"stop_reason", stop_reason_of(c)},
                                     {"stop_sequence", c.finish == Finish::stop_sequence ? json(c.stop_sequence) : json(nullptr)}}},
                          {"usage", {{"output_tokens", c.completion_tokens}}}});
  event("message_stop", json::object());
  return out;
}

json message_body(const ChatQuery& query, const ShapedCompletion& c, const std::string& id) {
  const char* stop_reason = stop_reason_of(c);
  return {{"id", id},
          {"type", "message"},
          {"role", "assistant"},
          {"model", query.model},
          {"content", json::array({{{"type", "text"}, {"text", c.text}}})},
          {"stop_reason", stop_reason},
          {"stop_sequence", c.finish == Finish::stop_sequence ? json(c.stop_sequence) : json(nullptr)},
          {"usage", {{"input_tokens", c.prompt_tokens}, {"output_tokens", c.completion_tokens}}}};
}

json error_body(const WireError& e) {
  std::string type = "invalid_request_error";
  if (e.kind == "not_found") type = "not_found_error";
  if (e.kind == "rate_limit") type = "rate_limit_error";
  if (e.kind == "server") type = "api_error";
  if (e.kind == "overloaded") type = "overloaded_error";
  return {{"type", "error"}, {"error", {{"type", type}, {"message", e.what()}}}};
}

json models_body(const std::vector<std::string>& names, bool simulated) {
  json data = json::array();
  for (const auto& n : names)
    data.push_back({{"type", "model"}, {"id", n}, {"display_name", n},
                    {"created_at", "2025-01-01T00:00:00Z"}, {"simulated", simulated}});
  return {{"data", data},
          {"has_more", false},
          {"first_id", names.empty() ? json(nullptr) : json(names.front())},
          {"last_id", names.empty() ? json(nullptr) : json(names.back())}};
}

void AnthropicFormat::rate_headers(httplib::Response& res, int64_t limit, int64_t remaining, double reset_s) const {
  res.set_header("anthropic-ratelimit-requests-limit", std::to_string(limit));
  res.set_header("anthropic-ratelimit-requests-remaining", std::to_string(remaining));
  const auto reset_at =
      std::chrono::system_clock::now() + std::chrono::milliseconds(std::llround(std::max(0.001, reset_s) * 1000));
  const std::time_t t = std::chrono::system_clock::to_time_t(reset_at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  res.set_header("anthropic-ratelimit-requests-reset", buf);
}

std::string AnthropicFormat::answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                         const std::string& body_key) const {
  return dump_json(message_body(query, choices.front(), make_id("msg_01", body_key, 22)));
}

std::vector<std::string> AnthropicFormat::stream_events(const ChatQuery& query,
                                                        const std::vector<ShapedCompletion>& choices,
                                                        const std::string& body_key) const {
  std::vector<std::string> events;
  for (const auto& [type, data] : anthropic::stream_events(query, choices.front(), make_id("msg_01", body_key, 22)))
    events.push_back("event: " + type + "\ndata: " + dump_json(data) + "\n\n");
  return events;
}

}  // namespace ds::harness::server::anthropic
