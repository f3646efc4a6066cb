#pragma once
// Anthropic messages API.
#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The messages API requires max_tokens; this is sent when the request leaves it unset.
inline constexpr int kAnthropicDefaultMaxTokens = 1024;
inline constexpr const char* kAnthropicVersion = "2023-06-01";

json anthropic_request_body(const ModelSpec& spec, const Request& request);

// Reads a 2xx body; throws ReplyError naming the first field that is missing or mistyped.
Response anthropic_read_reply(const json& body);

const ProviderApi& anthropic_api();

}  // namespace ds::harness
