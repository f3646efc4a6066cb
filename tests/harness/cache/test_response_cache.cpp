#include <doctest/doctest.h>

#include "harness/cache/request_hash.hpp"
#include "harness/cache/response_cache.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

Request make_request(const std::string& prompt, int sample = 0) {
  Request r;
  r.messages = {{"user", prompt}};
  r.params.temperature = 0.7;
  r.sample = sample;
  return r;
}

}  // namespace

TEST_CASE("request hash depends on base URL, model, body and sample, never on the key") {
  const ModelSpec a = parse_model_spec("openai:m@http://h1/v1");
  const std::string base = request_hash(a, make_request("q"));
  CHECK(base.size() == 64);
  CHECK(request_hash(a, make_request("q")) == base);
  CHECK(request_hash(a, make_request("q", 1)) != base);
  CHECK(request_hash(a, make_request("q2")) != base);
  CHECK(request_hash(parse_model_spec("openai:m@http://h2/v1"), make_request("q")) != base);
  CHECK(request_hash(parse_model_spec("openai:m2@http://h1/v1"), make_request("q")) != base);
  CHECK(request_hash(parse_model_spec("anthropic:m@http://h1/v1"), make_request("q")) != base);
  Request hotter = make_request("q");
  hotter.params.temperature = 0.8;
  CHECK(request_hash(a, hotter) != base);
  // The spec text as typed does not matter, only what is sent.
  ModelSpec same = a;
  same.text = "something else";
  CHECK(request_hash(same, make_request("q")) == base);
}

TEST_CASE("cache round-trips an answer and persists across reopen") {
  ds::test::TempDir dir;
  Response r;
  r.text = "forty-two";
  r.finish_reason = "stop";
  r.usage = {10, 3};
  r.latency_ms = 12.5;
  r.http_status = 200;
  r.logprobs = json{{"content", json::array({{{"token", "4"}, {"logprob", -0.5}}})}};
  {
    ResponseCache cache(dir.file("c.db"));
    CHECK_FALSE(cache.get("h1").has_value());
    cache.put("h1", r);
    CHECK(cache.size() == 1);
  }
  ResponseCache cache(dir.file("c.db"));
  const auto got = cache.get("h1");
  REQUIRE(got.has_value());
  CHECK(got->text == "forty-two");
  CHECK(got->finish_reason == "stop");
  CHECK(got->usage.prompt_tokens == 10);
  CHECK(got->usage.completion_tokens == 3);
  CHECK(got->latency_ms == 12.5);
  REQUIRE(got->logprobs.has_value());
  CHECK(*got->logprobs == *r.logprobs);
  CHECK(got->ok());
}

TEST_CASE("errors are never cached; a refresh overwrites") {
  ds::test::TempDir dir;
  ResponseCache cache(dir.file("c.db"));
  Response failed;
  failed.error = "HTTP 500: boom";
  cache.put("h", failed);
  CHECK_FALSE(cache.get("h").has_value());
  CHECK(cache.size() == 0);
  Response first;
  first.text = "old";
  cache.put("h", first);
  Response second;
  second.text = "new";
  cache.put("h", second);
  CHECK(cache.size() == 1);
  CHECK(cache.get("h")->text == "new");
}

TEST_CASE("default cache path sits beside the results store") {
  CHECK(default_cache_path("/data/runs/results.db") == "/data/runs/.distillscope-cache.db");
  CHECK(default_cache_path("results.db") == ".distillscope-cache.db");
}
