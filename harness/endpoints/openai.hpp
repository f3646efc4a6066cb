#pragma once
// OpenAI chat completions (and every compatible server: vLLM, llama.cpp, Ollama).
#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

json openai_request_body(const ModelSpec& spec, const Request& request);

// Reads a 2xx body; throws ReplyError naming the first field that is missing or mistyped.
Response openai_read_reply(const json& body);

}  // namespace ds::harness
