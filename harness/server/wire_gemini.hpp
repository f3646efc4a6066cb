#pragma once
// Google's Gemini API: POST /v1beta/models/MODEL:generateContent (or /v1/...) and
// :streamGenerateContent?alt=sse, the key in x-goog-api-key (or ?key=).
#include <memory>

#include "harness/server/wire_format.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

std::unique_ptr<WireFormat> make_gemini_format();

}  // namespace ds::harness::server
