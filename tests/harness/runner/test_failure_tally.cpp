#include <doctest/doctest.h>

#include "harness/runner/failure_cause.hpp"
#include "harness/runner/failure_tally.hpp"

using namespace ds::harness;

namespace {
Response status(int code) {
  Response r;
  r.http_status = code;
  r.error = "HTTP " + std::to_string(code);
  return r;
}
}  // namespace

TEST_CASE("failed attempts are classed by what a person does about them") {
  CHECK(classify_failure(TransportFailure::none, status(401)) == FailureCause::auth);
  CHECK(classify_failure(TransportFailure::none, status(403)) == FailureCause::auth);
  CHECK(classify_failure(TransportFailure::none, status(404)) == FailureCause::not_found);
  CHECK(classify_failure(TransportFailure::none, status(400)) == FailureCause::bad_request);
  CHECK(classify_failure(TransportFailure::none, status(429)) == FailureCause::rate_limited);
  CHECK(classify_failure(TransportFailure::none, status(529)) == FailureCause::server_error);
  CHECK(classify_failure(TransportFailure::none, status(200)) == FailureCause::malformed);
  CHECK(classify_failure(TransportFailure::refused, status(0)) == FailureCause::refused);
  CHECK(classify_failure(TransportFailure::unresolved, status(0)) == FailureCause::refused);
  CHECK(classify_failure(TransportFailure::timeout, status(0)) == FailureCause::timeout);
  CHECK(classify_failure(TransportFailure::reset, status(0)) == FailureCause::connection);
  CHECK(classify_failure(TransportFailure::too_large, status(200)) == FailureCause::too_large);
  CHECK(refuses_endpoint(FailureCause::auth));
  CHECK(refuses_endpoint(FailureCause::not_found));
  CHECK_FALSE(refuses_endpoint(FailureCause::server_error));
}

TEST_CASE("the tally groups by cause, most frequent first, with the last message on one line") {
  FailureTally tally;
  CHECK(tally.empty());
  tally.attempt_failed(FailureCause::timeout, "transport error (Timeout was reached): first");
  tally.attempt_failed(FailureCause::server_error, "HTTP 500: boom");
  tally.attempt_failed(FailureCause::timeout, "transport error (Timeout was reached):\nsecond");
  tally.request_failed(FailureCause::timeout);
  CHECK(tally.short_text() == "timeout 2, server error (HTTP 5xx) 1");
  const auto lines = tally.lines();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "timeout: 2 failed attempts, 1 request given up; last: transport error (Timeout was reached): second");
  CHECK(lines[1] == "server error (HTTP 5xx): 1 failed attempt, 0 requests given up; last: HTTP 500: boom");
}
