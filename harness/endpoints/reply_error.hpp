#pragma once
// Why a provider body could not be read. Thrown only inside the endpoints layer and turned
// into Response::error by parse_http_reply; it never escapes to callers.
#include <stdexcept>

#include "core/json.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct ReplyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The member `key` of `object` when it is an object holding a value of the expected kind;
// ReplyError naming `where.key` otherwise.
const json& require_member(const json& object, const char* key, const char* where);
const std::string& require_string(const json& object, const char* key, const char* where);

// A non-negative integer count of `object` (which must be an object), or 0 when absent or
// null (servers differ in what they send).
int64_t optional_count(const json& object, const char* key, const char* where);

}  // namespace ds::harness
