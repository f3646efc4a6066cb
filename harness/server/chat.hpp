#pragma once
// The wire-independent view of one chat request and of what a model backend answers.
// The OpenAI and Anthropic adapters translate to and from these.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

struct ChatQuery {
  std::string model;
  std::string system;
  std::vector<Message> messages;  // user/assistant turns, in order
  std::optional<int> max_tokens;
  std::vector<std::string> stop;
  std::optional<int64_t> seed;
  std::optional<double> temperature;
  bool logprobs = false;
  int top_logprobs = 0;
  int n = 1;
  bool stream = false;         // answer as server-sent events
  bool include_usage = false;  // OpenAI stream_options.include_usage: a final usage chunk
};

// Answers chat queries for a fixed set of models: recorded transcripts or the simulator.
class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::vector<std::string> model_names() const = 0;
  virtual bool has_model(const std::string& name) const = 0;
  // True when the answers are made up by the simulator (labelled in /v1/models and at startup).
  virtual bool simulated() const = 0;
  // The text of choice `choice_index`, or nullopt when nothing matches (replay: 404).
  virtual std::optional<std::string> answer(const ChatQuery& query, int choice_index) const = 0;
  // A short description for the startup line, e.g. "replay of 32 models from DIR".
  virtual std::string describe() const = 0;
};

}  // namespace ds::harness::server
