#pragma once
// The record: one stored response, and the line format of `--jsonl` and `import --format jsonl`.
#include <cstdint>
#include <optional>
#include <string>

#include "core/json.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct Record {
  int64_t id = 0;  // row id in the store; 0 before it is stored
  std::string run_id;
  std::string model;
  std::string suite;
  std::string item_id;
  int sample = 0;
  std::string request_hash;
  std::string text;
  std::string finish_reason;
  json usage = json::object();  // {"prompt_tokens": n, "completion_tokens": n}
  double latency_ms = 0;
  std::optional<double> ttft_ms;  // time to the first answer text, for streamed requests
  std::string error;             // empty on success
  std::optional<double> score;   // the suite's primary score, when scored
  std::optional<json> logprobs;  // token log-probabilities (results/compact_logprobs.hpp), when asked
};

json record_to_json(const Record& record);

// Throws InputError naming `where` (file:line) and the field that is missing or mistyped.
Record record_from_json(const json& value, const std::string& where);

}  // namespace ds::results
