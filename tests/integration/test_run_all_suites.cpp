// End to end: all five suites against `serve --simulate` over real HTTP, every response
// scored (or marked unscored with a reason), the humanity profile computed, reports readable.
#include <doctest/doctest.h>

#include <map>

#include "results/store.hpp"
#include "harness/pipeline/summary.hpp"
#include "tests/support/process.hpp"

using namespace ds::test;
using ds::core::json;

TEST_CASE("all five suites run, score and report against the simulated endpoint") {
  TempDir dir;
  ServeProcess server({"--simulate"});
  const std::string db = dir.file("r.db");
  const auto run = run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--model",
       "anthropic:sim-independent-a@" + server.base_url(), "--suite", "all", "--limit", "12",
       "--samples", "2", "--seed", "3", "--db", db, "--no-cache", "--no-progress",
       "--fail-on", "math<0.01"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("(simulated)") != std::string::npos);

  ds::results::Store store(db);
  const auto responses = store.responses({});
  CHECK(responses.size() == 2 * 5 * 12 * 2);
  std::map<int64_t, ds::results::StoredScore> by_response;
  for (const auto& s : store.scores()) by_response[s.response_id] = s;
  std::map<std::string, int> scored, unscored;
  for (const auto& r : responses) {
    REQUIRE(by_response.count(r.id) == 1);  // every answer went through its suite's scorer
    const auto& s = by_response[r.id];
    CHECK(s.scorer == r.suite);
    if (s.value) {
      CHECK(*s.value >= 0.0);
      CHECK(*s.value <= 1.0);
      ++scored[r.suite];
    } else {
      CHECK(s.details.contains("unscored"));  // an unscored answer says why
      ++unscored[r.suite];
    }
    if (r.suite == "math" && s.value) CHECK((*s.value == 0.0 || *s.value == 1.0));
  }
  CHECK(scored["math"] == 48);
  CHECK(scored["coding"] == 48);  // run in the bubblewrap sandbox
  CHECK(scored["creativity"] > 0);
  CHECK(scored["philosophy"] > 0);
  CHECK(scored["probes"] == 0);  // probes are fingerprints, never graded

  const ds::harness::Summary summary = ds::harness::summarise_store(store);
  for (const char* model : {"sim-teacher", "sim-independent-a"}) {
    const auto& m = summary.models.at(model);
    CHECK(m.simulated);
    for (const char* suite : {"math", "coding", "creativity", "philosophy"}) {
      INFO(model << " " << suite);
      REQUIRE(m.suite(suite));
      const auto& ci = m.suite(suite)->score.interval;
      REQUIRE(ci);
      CHECK(ci->low <= ci->mean);
      CHECK(ci->high >= ci->mean);
    }
    CHECK(m.gap_index);
  }

  const auto report = run_distillscope({"report", "--db", db, "--format", "json"});
  REQUIRE(report.exit_code == 0);
  const json doc = json::parse(report.out);
  CHECK(doc["records"].size() == responses.size());
  CHECK(doc["models"][0]["simulated"] == true);
  const auto junit = run_distillscope({"report", "--db", db, "--format", "junit"});
  CHECK(junit.out.find("<testsuites name=\"distillscope\"") != std::string::npos);

  // An impossible gate fails the run with exit code 1, and nothing is asked again.
  const auto gated = run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--suite", "math", "--limit",
       "12", "--samples", "2", "--seed", "3", "--db", db, "--no-cache", "--no-progress",
       "--fail-on", "math<1.01"});
  CHECK(gated.exit_code == 1);
  CHECK(gated.err.find("gate") != std::string::npos);
}
