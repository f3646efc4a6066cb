#pragma once
// OpenAI chat completions (and every compatible server: vLLM, llama.cpp, Ollama).
#include "harness/core/json.hpp"
#include "harness/core/model_spec.hpp"
#include "harness/core/types.hpp"

namespace ds {

json openai_request_body(const ModelSpec& spec, const Request& request);

// Reads a 2xx body; throws ReplyError naming the first field that is missing or mistyped.
Response openai_read_reply(const json& body);

}  // namespace ds
