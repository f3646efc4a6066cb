#pragma once
// Azure OpenAI: the chat completions format at a deployment's address.
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The API version sent when OPENAI_API_VERSION is unset (as Azure's SDKs read it): the
// latest generally available version of the data-plane API.
inline constexpr const char* kAzureDefaultApiVersion = "2024-10-21";

const ProviderApi& azure_api();

}  // namespace ds::harness
