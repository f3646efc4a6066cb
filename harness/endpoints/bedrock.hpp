#pragma once
// Amazon Bedrock's Converse API, signed with AWS Signature Version 4.
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

const ProviderApi& bedrock_api();

}  // namespace ds::harness
