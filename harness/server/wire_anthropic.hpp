#pragma once
// The Anthropic messages wire format: request parsing, response and error bodies.
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/wire_error.hpp"
#include "harness/server/wire_format.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server::anthropic {

// Parses a POST /v1/messages body; WireError(400) names the offending field.
ChatQuery parse_request(const std::string& body);

json message_body(const ChatQuery& query, const ShapedCompletion& completion, const std::string& id);

// The same answer as a message stream, each sent as "event: TYPE\ndata: {...}": message_start,
// content_block_start, ping, one content_block_delta (text_delta) per token,
// content_block_stop, message_delta (stop_reason, usage.output_tokens), message_stop.
std::vector<std::pair<std::string, json>> stream_events(const ChatQuery& query, const ShapedCompletion& completion,
                                                         const std::string& id);

// {"type": "error", "error": {"type", "message"}}
json error_body(const WireError& error);

json models_body(const std::vector<std::string>& names, bool simulated);

// POST /v1/messages.
class AnthropicFormat : public WireFormat {
 public:
  std::string route() const override { return "/v1/messages"; }
  ChatQuery parse(const WireRequest& req) const override { return parse_request(req.body); }
  WireError overloaded() const override { return WireError(529, "overloaded", "Overloaded (injected by --error-rate)"); }
  const char* request_id_header() const override { return "request-id"; }
  json error_body(const WireError& error) const override { return anthropic::error_body(error); }
  void rate_headers(httplib::Response& res, int64_t limit, int64_t remaining, double reset_s) const override;
  std::string answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                          const std::string& body_key) const override;
  std::vector<std::string> stream_events(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                         const std::string& body_key) const override;
};

}  // namespace ds::harness::server::anthropic
