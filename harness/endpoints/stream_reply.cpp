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
  if (state_.ended) return false;
  if (api_->is_end_marker(event.data)) {
    state_.ended = true;
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
      state_.ended = true;
      return false;
    }
    return api_->read_stream_event(event.event, body, state_);
  } catch (const std::exception& e) {
    fail(fmt::format("malformed stream event: {}", e.what()));
    return false;
  }
}

Response StreamReply::finish() const {
  Response r = state_.response;
  if (!error_.empty()) {
    r.error = error_;
  } else if (!state_.ended) {
    r.error = fmt::format("stream ended before {} (cut short)", api_->stream_end_name());
  }
  return r;
}

}  // namespace ds::harness
