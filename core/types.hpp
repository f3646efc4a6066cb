#pragma once
// The values that flow between layers: what is asked of a model and what came back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace ds::core {

struct Message {
  std::string role;  // "user" or "assistant" ("system" goes in Request::system)
  std::string content;
};

// Generation parameters; unset ones are left to the endpoint's default.
struct GenParams {
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<int> max_tokens;
  std::optional<int64_t> seed;
  std::vector<std::string> stop;
  bool logprobs = false;
  std::optional<int> top_logprobs;
};

struct Usage {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

// One completion request: one sample of one item for one model.
struct Request {
  std::string system;
  std::vector<Message> messages;
  GenParams params;
  int sample = 0;
};

// What came back. `error` is empty on success; an error response is never cached.
struct Response {
  std::string text;
  std::string finish_reason;
  Usage usage;
  double latency_ms = 0;
  std::optional<double> ttft_ms;  // time to the first answer text, when streamed
  std::optional<json> logprobs;
  std::string error;
  int http_status = 0;
  bool blocked = false;  // the provider's safety filter withheld the answer (error says why)
  bool ok() const { return error.empty(); }
};

}  // namespace ds::core
