#pragma once
// A streamed answer put back together: a provider's server-sent events in (OpenAI
// chat.completion.chunk, Anthropic message_start ... message_stop, Gemini
// GenerateContentResponse chunks), one Response out, as the official SDKs accumulate them.
// The provider (provider_api.hpp) reads each event; this holds what is common.
#include <string>

#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/endpoints/sse_parser.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

class StreamReply {
 public:
  explicit StreamReply(Provider provider) : api_(&provider_api(provider)) {}

  // Reads one event; true when it carried the answer's first text (time to first token).
  bool add(const SseEvent& event);

  // The answer once the transfer ended. `error` is set when the stream reported an error,
  // held an unreadable event, or stopped before its end marker ([DONE] / message_stop).
  Response finish() const;

 private:
  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
  }

  const ProviderApi* api_;
  StreamState state_;
  std::string error_;
};

}  // namespace ds::harness
