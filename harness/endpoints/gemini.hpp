#pragma once
// Google's Gemini API, natively: generateContent and streamGenerateContent?alt=sse.
#include "core/json.hpp"
#include "core/types.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// One GenerateContentResponse (a whole reply or one streamed chunk) added to `state`: text of
// the first candidate's parts, finish reason, usage. A prompt blocked by the safety filter
// (promptFeedback.blockReason), or a candidate stopped for safety without text, sets
// `blocked` and `error`. True when the chunk carried the answer's first text.
bool gemini_add_chunk(const json& body, StreamState& state);

const ProviderApi& gemini_api();

}  // namespace ds::harness
