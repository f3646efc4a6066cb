#pragma once
// Turns a model's full answer into what the API returns for this request: cut at the first
// stop sequence, truncated to max_tokens, with token counts and (if asked) logprobs.
#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

enum class Finish { stop, length, stop_sequence };

struct ShapedCompletion {
  std::string text;
  Finish finish = Finish::stop;
  std::string stop_sequence;  // the sequence that ended the text, if any
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::vector<std::string> tokens;
};

ShapedCompletion shape_completion(const std::string& full_text, const ChatQuery& query);

// OpenAI chat logprobs object {"content": [{token, logprob, bytes, top_logprobs}]}: plausible,
// deterministic values derived from (model, position, token).
json make_logprobs(const ChatQuery& query, const ShapedCompletion& completion);

}  // namespace ds::harness::server
