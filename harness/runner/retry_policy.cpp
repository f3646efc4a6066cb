#include "harness/runner/retry_policy.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

AttemptVerdict classify_attempt(bool transport_ok, const Response& response) {
  if (!transport_ok) return AttemptVerdict::Retry;
  if (response.blocked) return AttemptVerdict::Fatal;  // the same question is blocked again
  const int status = response.http_status;
  if (status == 429) return AttemptVerdict::RateLimited;
  if (status == 408 || status == 409 || status >= 500) return AttemptVerdict::Retry;
  if (status >= 200 && status < 300) {
    // A 2xx that could not be read was cut short or garbled on the way: try again.
    return response.ok() ? AttemptVerdict::Answered : AttemptVerdict::Retry;
  }
  return AttemptVerdict::Fatal;
}

}  // namespace ds::harness
