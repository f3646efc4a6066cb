#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "harness/runner/runner.hpp"
#include "tests/harness/runner/fake_endpoint.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;
using ds::test::Fault;
using ds::test::FakeEndpoint;

namespace {

std::vector<Job> make_jobs(const std::string& spec_text, int n, const std::string& prefix = "q") {
  const ModelSpec spec = parse_model_spec(spec_text);
  std::vector<Job> jobs;
  for (int i = 0; i < n; ++i) {
    Job job;
    job.key = prefix + std::to_string(i);
    job.endpoint = spec;
    job.request.messages = {{"user", prefix + std::to_string(i)}};
    job.request.params.max_tokens = 16;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

RunnerOptions quick_options() {
  RunnerOptions o;
  o.concurrency = 16;
  o.max_retries = 6;
  o.timeout_seconds = 5;
  o.progress = false;
  o.backoff_base_seconds = 0.01;
  o.backoff_max_seconds = 0.05;
  return o;
}

// Runs and checks the promise every run keeps: each job reported exactly once.
std::map<std::string, JobResult> run_all(Runner& runner, std::vector<Job> jobs, RunnerStats* stats = nullptr) {
  const size_t n = jobs.size();
  std::map<std::string, JobResult> results;
  size_t calls = 0;
  const RunnerStats s = runner.run(std::move(jobs), [&](JobResult&& r) {
    ++calls;
    CHECK_MESSAGE(results.count(r.key) == 0, "job reported twice: " << r.key);
    results.emplace(r.key, std::move(r));
  });
  CHECK(calls == n);
  CHECK(results.size() == n);
  CHECK(s.done + s.failed == n);
  if (stats) *stats = s;
  return results;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("runner answers every job over both wire formats, reusing connections") {
  FakeEndpoint server([](const std::string&, int) { return Fault::None; });
  auto jobs = make_jobs("openai:gpt-x@" + server.base_url(), 150, "o");
  for (auto& j : make_jobs("anthropic:claude-x@" + server.base_url(), 150, "a")) jobs.push_back(std::move(j));
  Runner runner(quick_options());
  RunnerStats stats;
  const auto results = run_all(runner, std::move(jobs), &stats);
  CHECK(stats.done == 300);
  CHECK(stats.failed == 0);
  CHECK(stats.retries == 0);
  CHECK(server.requests() == 300);
  for (const auto& [key, r] : results) {
    CAPTURE(key);
    REQUIRE(r.response.ok());
    CHECK(r.response.text == "echo: " + key);
    CHECK(r.response.usage.completion_tokens == 2);
    CHECK(r.attempts == 1);
    CHECK(r.request_hash.size() == 64);
    CHECK(r.response.latency_ms > 0);
  }
  // At most 16 in flight per endpoint, two endpoints.
  CHECK(server.max_concurrent() <= 32);
  std::set<int> connections;
  for (const auto& a : server.arrivals()) connections.insert(a.remote_port);
  CHECK(connections.size() <= 64);  // 300 requests over a few reused connections
}

TEST_CASE("runner survives every fault: each job answered after retries, attempts as planned") {
  const std::vector<Fault> faults = {Fault::ServerError, Fault::Garbage, Fault::Truncated,
                                     Fault::WrongTypes,  Fault::Cut,     Fault::Huge,
                                     Fault::Stall,       Fault::RateLimit};
  // Job i fails (i % 3) times with fault i % 8, then is answered.
  auto plan = [&](const std::string& prompt, int attempt) {
    const int i = std::stoi(prompt.substr(1));
    return attempt < i % 3 ? faults[i % faults.size()] : Fault::None;
  };
  FakeEndpoint server(plan);
  server.retry_after = "0.05";
  server.stall_ms = 1500;
  RunnerOptions options = quick_options();
  options.timeout_seconds = 0.5;
  options.max_response_bytes = 64 << 10;
  Runner runner(options);
  RunnerStats stats;
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 48), &stats);
  CHECK(stats.failed == 0);
  size_t expected_retries = 0;
  for (const auto& [key, r] : results) {
    CAPTURE(key);
    const int i = std::stoi(key.substr(1));
    CHECK(r.response.ok());
    CHECK(r.response.text == "echo: " + key);
    CHECK(r.attempts == 1 + i % 3);
    expected_retries += i % 3;
  }
  CHECK(stats.retries == expected_retries);
  CHECK(server.requests() == 48 + expected_retries);
}

TEST_CASE("after the retry cap the job fails with the last error") {
  FakeEndpoint server([](const std::string& prompt, int) {
    return prompt == "q0" ? Fault::ServerError : prompt == "q1" ? Fault::Huge : Fault::Garbage;
  });
  RunnerOptions options = quick_options();
  options.max_retries = 2;
  options.max_response_bytes = 64 << 10;
  Runner runner(options);
  RunnerStats stats;
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 3), &stats);
  CHECK(stats.failed == 3);
  CHECK(stats.retries == 6);
  CHECK(server.requests() == 9);
  CHECK(results.at("q0").attempts == 3);
  CHECK(results.at("q0").response.http_status == 500);
  CHECK(results.at("q0").response.error ==
        "HTTP 500: server_error: The server had an error (gave up after 3 attempts)");
  CHECK(results.at("q1").response.error.find("larger than the cap of 65536 bytes") != std::string::npos);
  CHECK(results.at("q2").response.error.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a refused request is not retried, and the key never appears in its error") {
  FakeEndpoint server([](const std::string&, int) { return Fault::Unauthorized; });
  setenv("DS_TEST_RUNNER_KEY", "sk-test-very-secret-123", 1);
  RunnerOptions options = quick_options();
  options.api_key_env = "DS_TEST_RUNNER_KEY";
  Runner runner(options);
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 2));
  unsetenv("DS_TEST_RUNNER_KEY");
  CHECK(server.requests() == 2);
  CHECK(server.arrivals()[0].authorization == "Bearer sk-test-very-secret-123");
  const Response& r = results.at("q0").response;
  CHECK(r.http_status == 401);
  CHECK(results.at("q0").attempts == 1);
  CHECK(r.error.find("Incorrect API key provided") != std::string::npos);
  CHECK(r.error.find("sk-test-very-secret-123") == std::string::npos);
  CHECK(r.error.find("[redacted]") != std::string::npos);
}

TEST_CASE("retries honour Retry-After and x-ratelimit-reset-requests") {
  FakeEndpoint server([](const std::string& prompt, int attempt) {
    if (attempt > 0) return Fault::None;
    return prompt == "q0" ? Fault::RateLimit : Fault::RateLimitReset;
  });
  server.retry_after = "1";
  RunnerOptions options = quick_options();
  options.concurrency = 1;  // q1 starts after q0's 429
  Runner runner(options);
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 2));
  CHECK(results.at("q0").response.ok());
  CHECK(results.at("q1").response.ok());
  std::map<std::string, std::vector<double>> times;
  for (const auto& a : server.arrivals()) times[a.prompt].push_back(a.at);
  REQUIRE(times["q0"].size() == 2);
  REQUIRE(times["q1"].size() == 2);
  CHECK(times["q0"][1] - times["q0"][0] >= 1.0);
  CHECK(times["q1"][1] - times["q1"][0] >= 0.3);
  // The 429's Retry-After held back the whole endpoint, not only the refused request.
  CHECK(times["q1"][0] - times["q0"][0] >= 1.0);
}

TEST_CASE("a stalled server hits the per-request timeout and the request is retried") {
  FakeEndpoint server([](const std::string&, int attempt) {
    return attempt == 0 ? Fault::Stall : Fault::None;
  });
  server.stall_ms = 3000;
  RunnerOptions options = quick_options();
  options.timeout_seconds = 0.3;
  Runner runner(options);
  const double start = ds::test::steady_seconds();
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 4));
  CHECK(ds::test::steady_seconds() - start < 2.5);
  for (const auto& [key, r] : results) {
    CHECK(r.response.ok());
    CHECK(r.attempts == 2);
  }
}

TEST_CASE("connection refused: every job fails with a transport error after its retries") {
  int port = 0;
  {
    FakeEndpoint gone([](const std::string&, int) { return Fault::None; });
    port = std::stoi(gone.base_url().substr(17));
  }
  RunnerOptions options = quick_options();
  options.max_retries = 1;
  Runner runner(options);
  RunnerStats stats;
  const auto results = run_all(
      runner, make_jobs("openai:m@http://127.0.0.1:" + std::to_string(port) + "/v1", 5), &stats);
  CHECK(stats.failed == 5);
  for (const auto& [key, r] : results) {
    CHECK(r.attempts == 2);
    CHECK(r.response.error.find("transport error") != std::string::npos);
  }
}

TEST_CASE("cache: a hit sends no request, refresh sends again, errors are not cached, no key stored") {
  ds::test::TempDir dir;
  FakeEndpoint server([](const std::string& prompt, int) {
    return prompt == "q0" ? Fault::Unauthorized : Fault::None;
  });
  setenv("DS_TEST_CACHE_KEY", "sk-cache-secret-456", 1);
  RunnerOptions options = quick_options();
  options.cache_path = dir.file("cache.db");
  options.api_key_env = "DS_TEST_CACHE_KEY";
  const std::string spec = "openai:m@" + server.base_url();
  {
    Runner runner(options);
    RunnerStats stats;
    const auto first = run_all(runner, make_jobs(spec, 20), &stats);
    CHECK(stats.from_cache == 0);
    CHECK(server.requests() == 20);
  }
  {
    Runner runner(options);
    RunnerStats stats;
    const auto second = run_all(runner, make_jobs(spec, 20), &stats);
    CHECK(stats.from_cache == 19);
    CHECK(server.requests() == 21);  // only the refused q0 went out again
    CHECK(second.at("q5").from_cache);
    CHECK(second.at("q5").attempts == 0);
    CHECK(second.at("q5").response.text == "echo: q5");
    CHECK_FALSE(second.at("q0").from_cache);
  }
  {
    RunnerOptions refresh = options;
    refresh.refresh = true;
    Runner runner(refresh);
    RunnerStats stats;
    run_all(runner, make_jobs(spec, 20), &stats);
    CHECK(stats.from_cache == 0);
    CHECK(server.requests() == 41);
  }
  unsetenv("DS_TEST_CACHE_KEY");
  // Different sample index: a different request, sent.
  auto jobs = make_jobs(spec, 1, "q1");
  jobs[0].request.sample = 1;
  Runner runner(options);
  RunnerStats stats;
  run_all(runner, std::move(jobs), &stats);
  CHECK(stats.from_cache == 0);
  std::string bytes = slurp(dir.file("cache.db")) + slurp(dir.file("cache.db-wal"));
  CHECK(bytes.find("echo: q5") != std::string::npos);  // the cache does hold the answers
  CHECK(bytes.find("sk-cache-secret-456") == std::string::npos);
}

TEST_CASE("requests per minute are limited by the token bucket") {
  FakeEndpoint server([](const std::string&, int) { return Fault::None; });
  RunnerOptions options = quick_options();
  options.requests_per_minute = 240;  // a burst of 40, then 4/s
  Runner runner(options);
  const double start = ds::test::steady_seconds();
  run_all(runner, make_jobs("openai:m@" + server.base_url(), 44));
  CHECK(ds::test::steady_seconds() - start >= 0.9);
  const auto arrivals = server.arrivals();
  REQUIRE(arrivals.size() == 44);
  CHECK(arrivals[43].at - arrivals[0].at >= 0.9);
}

TEST_CASE("429s without a hint cut concurrency and every job still completes") {
  FakeEndpoint server([](const std::string&, int attempt) {
    return attempt == 0 ? Fault::RateLimit : Fault::None;
  }, /*latency_ms=*/20);
  server.retry_after = "";
  RunnerOptions options = quick_options();
  options.concurrency = 32;
  Runner runner(options);
  RunnerStats stats;
  const auto results = run_all(runner, make_jobs("openai:m@" + server.base_url(), 64), &stats);
  CHECK(stats.failed == 0);
  CHECK(stats.retries == 64);
}

TEST_CASE("request_stop: no new requests, in-flight ones end, the rest is counted interrupted") {
  FakeEndpoint server([](const std::string&, int) { return Fault::None; }, /*latency_ms=*/30);
  RunnerOptions options = quick_options();
  options.concurrency = 4;
  Runner runner(options);
  std::set<std::string> reported;
  const RunnerStats stats = runner.run(make_jobs("openai:m@" + server.base_url(), 200), [&](JobResult&& r) {
    CHECK(reported.insert(r.key).second);
    if (reported.size() == 10) runner.request_stop();
  });
  CHECK(reported.size() >= 10);
  CHECK(reported.size() <= 14);
  CHECK(stats.done == reported.size());
  CHECK(stats.done + stats.failed + stats.interrupted == 200);
  CHECK(server.requests() == reported.size());
}

TEST_CASE("no jobs: run returns at once") {
  Runner runner(quick_options());
  const RunnerStats stats = runner.run({}, [](JobResult&&) { FAIL("nothing to report"); });
  CHECK(stats.done == 0);
}
