#pragma once
// The OpenAI chat completions wire format: request parsing, response and error bodies.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/wire_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server::openai {

// Parses a POST /v1/chat/completions body; WireError(400) names the offending field.
ChatQuery parse_request(const std::string& body);

json completion_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                     const std::string& id, int64_t created);

// The same answer as chat.completion.chunk objects, each sent as "data: {...}" and followed
// by "data: [DONE]": per choice a role chunk, one chunk per token, a finish_reason chunk;
// with stream_options.include_usage every chunk has "usage": null and a last chunk with
// empty choices carries the usage.
std::vector<json> stream_chunks(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                const std::string& id, int64_t created);

// {"error": {"message", "type", "param", "code"}}
json error_body(const WireError& error);

json models_body(const std::vector<std::string>& names, bool simulated, int64_t created);

}  // namespace ds::harness::server::openai
