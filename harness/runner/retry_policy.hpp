#pragma once
// Which failed attempts are worth repeating.
#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

enum class AttemptVerdict {
  Answered,     // a well-formed answer
  RateLimited,  // 429: retry later, and send less
  Retry,        // transient: connection reset, timeout, 408/409/5xx, malformed or huge body
  Fatal,        // the endpoint refused the request itself (400, 401, 404, ...): retrying cannot help
};

// `transport_ok` is false when the transfer did not complete (reset, timeout, size cap);
// `response` is what parse_http_reply made of a completed transfer.
AttemptVerdict classify_attempt(bool transport_ok, const Response& response);

}  // namespace ds::harness
