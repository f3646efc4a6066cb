#pragma once
// Why an attempt failed, in the few classes a person acts on differently: fix the key, fix
// the model name or URL, start the server, wait, or report a broken endpoint.
#include <string>

#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// What the transport layer (libcurl) said when a transfer did not complete.
enum class TransportFailure { none, refused, unresolved, timeout, reset, too_large, other };

enum class FailureCause {
  auth,          // 401/403: the key was refused
  not_found,     // 404: wrong model name or base URL
  bad_request,   // other 4xx (400, 413, 422, ...): the endpoint rejects the request itself
  rate_limited,  // 429
  server_error,  // 5xx (500, 502, 503, 529 overloaded, ...)
  refused,       // connection refused or host not found: nothing is listening there
  timeout,       // no complete answer in time
  connection,    // reset or otherwise broken connection
  malformed,     // a 2xx whose body could not be read (or a stream cut short)
  too_large,     // the body exceeded max_response_bytes
  blocked,       // the provider's safety filter withheld the answer (Gemini's SAFETY)
};

// A failed attempt's cause: from the transport when the transfer did not complete, else from
// the HTTP status of `response` (whose error is set).
FailureCause classify_failure(TransportFailure transport, const Response& response);

// "key refused (HTTP 401/403)", "model or URL not found (HTTP 404)", ...
const char* cause_label(FailureCause cause);

// 401, 403 and 404 mean every further request to the endpoint will fail the same way.
bool refuses_endpoint(FailureCause cause);

}  // namespace ds::harness
