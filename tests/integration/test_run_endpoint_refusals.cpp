// Endpoints that refuse (401, 404) or are not there: `run` stops before its plan with exit 2
// and the cause on stderr, after at most a few requests (counted by the server); an endpoint
// that starts refusing during a run is stopped instead of being sent the rest of the plan.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "core/json.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scripted_endpoint.hpp"

using namespace ds::harness;

namespace {

const char* kOpenAiError401 =
    R"({"error":{"message":"Incorrect API key provided: sk-te****. You can find your API key at the dashboard.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})";

struct Timed {
  ds::test::CommandResult result;
  double seconds = 0;
};

Timed run_against(const std::string& spec, const ds::test::TempDir& dir, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"run", "--model", spec, "--suite", ds::test::write_small_suite(dir, 40),
                                   "--db", dir.file("r.db"), "--no-progress"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto start = std::chrono::steady_clock::now();
  Timed t;
  t.result = ds::test::run_distillscope(args);
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return t;
}

}  // namespace

TEST_CASE("a refused key is exit 2 naming the variable and the URL, after one request") {
  ds::test::ScopedEnv key("OPENAI_API_KEY", "sk-test-refused-key-123");
  ds::test::ScriptedEndpoint server([](const ds::test::ScriptedRequest&) {
    return ds::test::ScriptedReply{401, kOpenAiError401};
  });
  ds::test::TempDir dir;
  const auto t = run_against("openai:gpt-x@" + server.base_url(), dir);
  CHECK(t.result.exit_code == 2);
  CHECK(t.result.err.find("the key in OPENAI_API_KEY was refused by " + server.base_url()) != std::string::npos);
  CHECK(t.result.err.find("Incorrect API key provided") != std::string::npos);  // the provider's own words
  CHECK(t.result.err.find("sk-test-refused-key-123") == std::string::npos);
  CHECK(server.requests() <= 2);
  CHECK(t.seconds < 10);
  CHECK_FALSE(std::filesystem::exists(dir.file("r.db")));  // nothing was stored
}

TEST_CASE("a wrong path or model (404) is exit 2 naming the URL and the model") {
  ds::test::ScriptedEndpoint server([](const ds::test::ScriptedRequest& request) {
    return ds::test::ScriptedReply{404, "<html><body>404 page not found: " + request.path + "</body></html>", "text/html"};
  });
  ds::test::TempDir dir;
  const auto t = run_against("openai:llama-typo@" + server.base_url(), dir);
  CHECK(t.result.exit_code == 2);
  CHECK(t.result.err.find("model 'llama-typo' was not found at " + server.base_url() + "/chat/completions") !=
        std::string::npos);
  CHECK(server.requests() <= 2);
  CHECK(t.seconds < 10);
}

TEST_CASE("a port with nothing listening is exit 2 saying so, at once") {
  ds::test::TempDir dir;
  const std::string url = "http://127.0.0.1:" + std::to_string(ds::test::unused_port()) + "/v1";
  const auto t = run_against("openai:m@" + url, dir);
  CHECK(t.result.exit_code == 2);
  CHECK(t.result.err.find("cannot connect to " + url) != std::string::npos);
  CHECK(t.seconds < 10);
}

TEST_CASE("an endpoint that refuses every request of the run is stopped, not sent the whole plan") {
  // The model list passes the pre-flight check; every completion is refused.
  ds::test::ScopedEnv key("OPENAI_API_KEY", "sk-test-revoked-key-456");
  ds::test::ScriptedEndpoint server([](const ds::test::ScriptedRequest& request) {
    if (request.method == "GET") return ds::test::ScriptedReply{200, R"({"object":"list","data":[{"id":"gpt-x","object":"model"}]})"};
    return ds::test::ScriptedReply{401, kOpenAiError401};
  });
  ds::test::TempDir dir;
  const auto t = run_against("openai:gpt-x@" + server.base_url(), dir, {"--concurrency", "1"});
  CHECK(t.result.exit_code == 3);
  CHECK(server.posts() == 3);  // three refusals in a row, then no more of the 40
  CHECK(t.result.err.find("key refused (HTTP 401/403)") != std::string::npos);
  CHECK(t.result.err.find("37 requests not sent") != std::string::npos);
  CHECK(t.result.err.find("sk-test-revoked-key-456") == std::string::npos);
}

TEST_CASE("failures are reported by endpoint and cause with the last message") {
  // Answers 500 to every completion: retried, then given up; the cause is on stderr.
  ds::test::ScriptedEndpoint server([](const ds::test::ScriptedRequest& request) {
    if (request.method == "GET") return ds::test::ScriptedReply{200, R"({"object":"list","data":[{"id":"m","object":"model"}]})"};
    return ds::test::ScriptedReply{500, R"({"error":{"message":"boom from the test server","type":"server_error"}})"};
  });
  ds::test::TempDir dir;
  const auto t = run_against("openai:m@" + server.base_url(), dir,
                             {"--concurrency", "4", "--max-retries", "1", "--limit", "3"});
  CHECK(t.result.exit_code == 3);
  CHECK(t.result.err.find("failures at m (openai " + server.base_url() + ")") != std::string::npos);
  CHECK(t.result.err.find("server error (HTTP 5xx): 6 failed attempts, 3 requests given up; last: HTTP 500: "
                          "server_error: boom from the test server") != std::string::npos);
}
