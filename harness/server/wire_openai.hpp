#pragma once
// The OpenAI chat completions wire format: request parsing, response and error bodies.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/wire_error.hpp"
#include "harness/server/wire_format.hpp"
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

// POST /v1/chat/completions; Azure OpenAI's format is this one at another route.
class OpenAiFormat : public WireFormat {
 public:
  std::string route() const override { return "/v1/chat/completions"; }
  ChatQuery parse(const WireRequest& req) const override { return parse_request(req.body); }
  WireError model_not_found(const std::string& model) const override;
  int choices(const ChatQuery& query) const override { return query.n; }
  void timing_headers(httplib::Response& res, int64_t ms) const override;
  json error_body(const WireError& error) const override { return openai::error_body(error); }
  void rate_headers(httplib::Response& res, int64_t limit, int64_t remaining, double reset_s) const override;
  std::string answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                          const std::string& body_key) const override;
  std::vector<std::string> stream_events(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                         const std::string& body_key) const override;
};

}  // namespace ds::harness::server::openai
