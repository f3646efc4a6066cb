// The runner against `distillscope serve` over real loopback HTTP, with its fault flags.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/json.hpp"
#include "harness/runner/runner.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

std::vector<Job> jobs_for(const std::string& spec_text, int n, const std::string& tag) {
  const ModelSpec spec = parse_model_spec(spec_text);
  std::vector<Job> jobs;
  for (int i = 0; i < n; ++i) {
    Job job;
    job.key = spec.model + "/" + tag + std::to_string(i);
    job.endpoint = spec;
    job.request.messages = {{"user", fmt::format("{} question {}: what is {} + 1?", tag, i, i)}};
    job.request.params.max_tokens = 64;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

RunnerOptions test_options() {
  RunnerOptions o;
  o.concurrency = 32;
  o.max_retries = 10;
  o.timeout_seconds = 1.0;
  o.progress = false;
  o.backoff_base_seconds = 0.01;
  o.backoff_max_seconds = 0.1;
  return o;
}

struct Outcome {
  std::map<std::string, JobResult> results;
  RunnerStats stats;
};

Outcome run_once(const RunnerOptions& options, std::vector<Job> jobs) {
  Outcome out;
  const size_t n = jobs.size();
  Runner runner(options);
  out.stats = runner.run(std::move(jobs), [&](JobResult&& r) {
    CHECK_MESSAGE(out.results.count(r.key) == 0, "reported twice: " << r.key);
    out.results.emplace(r.key, std::move(r));
  });
  CHECK(out.results.size() == n);
  CHECK(out.stats.done + out.stats.failed == n);
  return out;
}

}  // namespace

TEST_CASE("runner against serve with every fault flag: each job answered or failed, once") {
  ds::test::ServeProcess serve({"--simulate", "--latency-ms", "5,5", "--error-rate", "0.15",
                            "--drop-rate", "0.1", "--garbage-rate", "0.1", "--truncate-rate",
                            "0.1", "--stall-rate", "0.05", "--stall-ms", "2000", "--rate-limit",
                            "400/s"});
  auto jobs = jobs_for("openai:sim-teacher@" + serve.base_url(), 120, "o");
  for (auto& j : jobs_for("anthropic:sim-student@" + serve.base_url(), 120, "a")) jobs.push_back(std::move(j));
  const Outcome out = run_once(test_options(), std::move(jobs));
  // With ten retries against ~45% faults, failing a job takes eleven faults in a row.
  CHECK(out.stats.done == 240);
  CHECK(out.stats.retries > 0);
  for (const auto& [key, r] : out.results) {
    CAPTURE(key);
    CHECK(r.response.ok());
    CHECK_FALSE(r.response.text.empty());
    CHECK(r.response.usage.completion_tokens > 0);
  }
  const json stats = json::parse(serve.http_get("/stats"));
  // Every job's answer came from one of serve's answers. (serve may count a few more requests
  // than the runner sent: libcurl re-sends a request by itself when a reused connection turns
  // out closed before any reply byte, which the drop faults provoke.)
  CHECK(stats.at("total").get<size_t>() > 240);
  CHECK(stats.at("answered").get<size_t>() >= 240);
}

TEST_CASE("against serve: a cached run sends nothing; sample indexes are separate requests") {
  ds::test::TempDir dir;
  ds::test::ServeProcess serve({"--simulate", "--error-rate", "0.2", "--garbage-rate", "0.1"});
  RunnerOptions options = test_options();
  options.cache_path = dir.file("cache.db");
  const std::string spec = "openai:sim-teacher@" + serve.base_url();
  auto with_samples = [&] {
    auto jobs = jobs_for(spec, 30, "c");
    for (int i = 0; i < 30; ++i) {
      Job again = jobs[i];
      again.key += "#1";
      again.request.sample = 1;
      again.request.params.seed = 1;  // a second sample asks for a different draw
      jobs.push_back(std::move(again));
    }
    return jobs;
  };
  const Outcome first = run_once(options, with_samples());
  CHECK(first.stats.done == 60);
  const json after_first = json::parse(serve.http_get("/stats"));
  CHECK(after_first.at("models").at("sim-teacher").at("repeats") == 0);  // nothing answered twice
  CHECK(after_first.at("answered") == 60);

  const Outcome second = run_once(options, with_samples());
  CHECK(second.stats.from_cache == 60);
  CHECK(second.stats.requests_sent == 0);
  const json after_second = json::parse(serve.http_get("/stats"));
  CHECK(after_second.at("total") == after_first.at("total"));
  for (const auto& [key, r] : second.results) {
    CHECK(r.response.text == first.results.at(key).response.text);
  }
}
