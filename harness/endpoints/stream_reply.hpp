#pragma once
// A streamed answer put back together: OpenAI chat.completion.chunk events or Anthropic
// message_start ... message_stop events in, one Response out, as the official SDKs
// accumulate them.
#include <string>

#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/endpoints/sse_parser.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

class StreamReply {
 public:
  explicit StreamReply(Provider provider) : provider_(provider) {}

  // Reads one event; true when it carried the answer's first text (time to first token).
  bool add(const SseEvent& event);

  // The answer once the transfer ended. `error` is set when the stream reported an error,
  // held an unreadable event, or stopped before its end marker ([DONE] / message_stop).
  Response finish() const;

 private:
  bool add_openai(const json& chunk);
  bool add_anthropic(const std::string& type, const json& event);
  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
  }

  Provider provider_;
  Response response_;
  bool got_text_ = false;
  bool ended_ = false;
  std::string error_;
};

}  // namespace ds::harness
