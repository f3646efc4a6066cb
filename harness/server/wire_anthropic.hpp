#pragma once
// The Anthropic messages wire format: request parsing, response and error bodies.
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/wire_error.hpp"
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

}  // namespace ds::harness::server::anthropic
