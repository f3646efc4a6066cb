#pragma once
// Azure OpenAI: the OpenAI format at /openai/deployments/DEPLOYMENT/chat/completions, with
// the key in "api-key" and the version in ?api-version=.
#include <memory>

#include "harness/server/wire_format.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

std::unique_ptr<WireFormat> make_azure_format();

}  // namespace ds::harness::server
