#include "harness/endpoints/stream_reply.hpp"

#include <fmt/format.h>

#include "core/json_bounded.hpp"
#include "core/utf8.hpp"
#include "harness/endpoints/reply_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::string error_text(const json& error) {
  if (error.is_string()) return error.get<std::string>();
  if (!error.is_object()) return "unspecified error";
  const std::string type = error.value("type", error.contains("code") && error["code"].is_string()
                                                   ? error["code"].get<std::string>()
                                                   : std::string());
  const std::string message = error.contains("message") && error["message"].is_string()
                                  ? error["message"].get<std::string>()
                                  : std::string();
  if (type.empty()) return message.empty() ? "unspecified error" : message;
  return message.empty() ? type : type + ": " + message;
}

}  // namespace

bool StreamReply::add(const SseEvent& event) {
  if (ended_) return false;
  if (provider_ == Provider::OpenAI && event.data == "[DONE]") {
    ended_ = true;
    return false;
  }
  // One event is bounded like a whole reply: a hostile stream's deep nest is refused early.
  const auto parsed = try_parse_json(event.data, json_limits::kEndpointReply);
  const json& body = parsed.value;
  if (!parsed.ok() || !body.is_object()) {
    fail(fmt::format("malformed stream event (not a JSON object{}): {}",
                     parsed.ok() ? "" : ": " + parsed.error, excerpt_for_message(event.data, 120)));
    return false;
  }
  try {
    if (body.contains("error") && !body["error"].is_null()) {
      fail("error event in stream: " + error_text(body["error"]));
      ended_ = true;
      return false;
    }
    if (provider_ == Provider::OpenAI) return add_openai(body);
    const std::string type = body.value("type", event.event);
    return add_anthropic(type, body);
  } catch (const std::exception& e) {
    fail(fmt::format("malformed stream event: {}", e.what()));
    return false;
  }
}

bool StreamReply::add_openai(const json& chunk) {
  if (const auto usage = chunk.find("usage"); usage != chunk.end() && !usage->is_null()) {
    response_.usage.prompt_tokens = optional_count(*usage, "prompt_tokens", "usage");
    response_.usage.completion_tokens = optional_count(*usage, "completion_tokens", "usage");
  }
  const auto choices = chunk.find("choices");
  if (choices == chunk.end() || !choices->is_array() || choices->empty()) return false;
  const json& choice = (*choices)[0];
  if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
    response_.finish_reason = choice["finish_reason"].get<std::string>();
  // Each chunk carries the log-probabilities of its own tokens: joined in order.
  if (const auto lp = choice.find("logprobs"); lp != choice.end() && lp->is_object() && lp->contains("content") &&
                                               (*lp)["content"].is_array()) {
    if (!response_.logprobs) response_.logprobs = json{{"content", json::array()}};
    for (const auto& entry : (*lp)["content"]) (*response_.logprobs)["content"].push_back(entry);
  }
  const auto delta = choice.find("delta");
  if (delta == choice.end() || !delta->is_object()) return false;
  std::string piece;
  for (const char* key : {"content", "refusal"})
    if (const auto it = delta->find(key); it != delta->end() && it->is_string()) piece += it->get<std::string>();
  if (piece.empty()) return false;
  response_.text += piece;
  const bool first = !got_text_;
  got_text_ = true;
  return first;
}

bool StreamReply::add_anthropic(const std::string& type, const json& event) {
  if (type == "message_start") {
    const json& message = require_member(event, "message", "message_start");
    if (const auto usage = message.find("usage"); usage != message.end() && !usage->is_null()) {
      response_.usage.prompt_tokens = optional_count(*usage, "input_tokens", "usage");
      response_.usage.completion_tokens = optional_count(*usage, "output_tokens", "usage");
    }
  } else if (type == "content_block_delta") {
    const json& delta = require_member(event, "delta", "content_block_delta");
    if (delta.value("type", "") != "text_delta") return false;  // thinking, tool input
    const std::string& text = require_string(delta, "text", "content_block_delta.delta");
    if (text.empty()) return false;
    response_.text += text;
    const bool first = !got_text_;
    got_text_ = true;
    return first;
  } else if (type == "message_delta") {
    const json& delta = require_member(event, "delta", "message_delta");
    if (delta.contains("stop_reason") && delta["stop_reason"].is_string())
      response_.finish_reason = delta["stop_reason"].get<std::string>();
    if (const auto usage = event.find("usage"); usage != event.end() && usage->is_object()) {
      if (usage->contains("output_tokens"))
        response_.usage.completion_tokens = optional_count(*usage, "output_tokens", "usage");
      if (usage->contains("input_tokens") && !(*usage)["input_tokens"].is_null())
        response_.usage.prompt_tokens = optional_count(*usage, "input_tokens", "usage");
    }
  } else if (type == "message_stop") {
    ended_ = true;
  }
  return false;  // content_block_start/stop, ping and unknown events carry no text
}

Response StreamReply::finish() const {
  Response r = response_;
  if (!error_.empty()) {
    r.error = error_;
  } else if (!ended_) {
    r.error = provider_ == Provider::OpenAI ? "stream ended before 'data: [DONE]' (cut short)"
                                            : "stream ended before 'message_stop' (cut short)";
  }
  return r;
}

}  // namespace ds::harness
