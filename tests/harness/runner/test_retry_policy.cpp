#include <doctest/doctest.h>

#include "harness/runner/retry_policy.hpp"

using namespace ds::harness;

namespace {
Response with(int status, std::string error) {
  Response r;
  r.http_status = status;
  r.error = std::move(error);
  return r;
}
}  // namespace

TEST_CASE("which attempts are retried") {
  CHECK(classify_attempt(true, with(200, "")) == AttemptVerdict::Answered);
  CHECK(classify_attempt(true, with(200, "malformed response body")) == AttemptVerdict::Retry);
  CHECK(classify_attempt(false, with(0, "transport error (Timeout)")) == AttemptVerdict::Retry);
  CHECK(classify_attempt(false, with(200, "response larger than the cap")) == AttemptVerdict::Retry);
  CHECK(classify_attempt(true, with(429, "HTTP 429")) == AttemptVerdict::RateLimited);
  for (int status : {408, 409, 500, 502, 503, 529}) {
    CHECK(classify_attempt(true, with(status, "x")) == AttemptVerdict::Retry);
  }
  for (int status : {400, 401, 403, 404, 422}) {
    CHECK(classify_attempt(true, with(status, "x")) == AttemptVerdict::Fatal);
  }
}
