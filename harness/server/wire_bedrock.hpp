#pragma once
// Amazon Bedrock's Converse API: POST /model/MODEL_ID/converse, signed with AWS Signature
// Version 4 (serve checks the Authorization header's shape; it holds no secret to verify the
// signature with). ConverseStream is not served.
#include <memory>

#include "harness/server/wire_format.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

std::unique_ptr<WireFormat> make_bedrock_format();

}  // namespace ds::harness::server
