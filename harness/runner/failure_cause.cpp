#include "harness/runner/failure_cause.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

FailureCause classify_failure(TransportFailure transport, const Response& response) {
  switch (transport) {
    case TransportFailure::refused:
    case TransportFailure::unresolved: return FailureCause::refused;
    case TransportFailure::timeout: return FailureCause::timeout;
    case TransportFailure::too_large: return FailureCause::too_large;
    case TransportFailure::reset:
    case TransportFailure::other: return FailureCause::connection;
    case TransportFailure::none: break;
  }
  if (response.blocked) return FailureCause::blocked;
  const int status = response.http_status;
  if (status == 401 || status == 403) return FailureCause::auth;
  if (status == 404) return FailureCause::not_found;
  if (status == 429) return FailureCause::rate_limited;
  if (status >= 500) return FailureCause::server_error;
  if (status >= 400) return FailureCause::bad_request;
  return FailureCause::malformed;
}

const char* cause_label(FailureCause cause) {
  switch (cause) {
    case FailureCause::auth: return "key refused (HTTP 401/403)";
    case FailureCause::not_found: return "model or URL not found (HTTP 404)";
    case FailureCause::bad_request: return "request rejected (HTTP 4xx)";
    case FailureCause::rate_limited: return "rate limited (HTTP 429)";
    case FailureCause::server_error: return "server error (HTTP 5xx)";
    case FailureCause::refused: return "cannot connect";
    case FailureCause::timeout: return "timeout";
    case FailureCause::connection: return "connection broken";
    case FailureCause::malformed: return "unreadable answer";
    case FailureCause::too_large: return "answer too large";
    case FailureCause::blocked: return "blocked by the provider's safety filter";
  }
  return "unknown";
}

bool refuses_endpoint(FailureCause cause) {
  return cause == FailureCause::auth || cause == FailureCause::not_found;
}

}  // namespace ds::harness
