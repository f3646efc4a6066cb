// `distillscope import` of other tools' logs through the command line: a malformed file of
// each format exits 2 naming where, and leaves the store as it was; answers to our own
// suites' prompts are scored by our scorers beside the tool's scores.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json.hpp"
#include "results/store.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"
#include "tests/support/store_snapshot.hpp"

using namespace ds::harness;
namespace test = ds::test;
using ds::test::run_distillscope;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string format;
  std::string good;       // a valid file of the format, imported first
  std::string bad;        // a malformed one
  std::string location;   // what the error must name
};

}  // namespace

TEST_CASE("import of a malformed log exits 2 with file and field, and changes nothing stored") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  const std::string lm_dir = test::fixture_path("import/lm-eval/alpha-chat/");
  const std::string date = "2025-01-15T10-20-30.123456";
  // lm-eval: line 3 lost its doc_id.
  fs::copy_file(lm_dir + "results_" + date + ".json", dir.file("results_" + date + ".json"));
  std::string lm = read(lm_dir + "samples_arith_" + date + ".jsonl");
  const size_t third = lm.find('\n', lm.find('\n') + 1) + 1;
  lm.replace(lm.find("\"doc_id\": 1", third), 11, "\"doc_idx\": 1");
  std::ofstream(dir.file("samples_arith_" + date + ".jsonl")) << lm;
  // inspect: eval.model is a number.
  json inspect = json::parse(read(test::fixture_path("import/inspect/arith-beta-chat.json")));
  inspect["eval"]["model"] = 7;
  std::ofstream(dir.file("inspect.json")) << inspect.dump();
  // promptfoo: a result's response.output is missing.
  json pf = json::parse(read(test::fixture_path("import/promptfoo/results.json")));
  pf["results"]["results"][1]["response"].erase("output");
  pf["results"]["results"][1]["response"]["output"] = json::array();
  pf["results"]["results"][1]["latencyMs"] = "slow";
  std::ofstream(dir.file("promptfoo.json")) << pf.dump();
  // helm: scenario_state.json without request_states.
  fs::create_directories(dir.file("helm"));
  json helm = json::parse(read(test::fixture_path("import/helm/arith-delta-chat/scenario_state.json")));
  helm.erase("request_states");
  std::ofstream(dir.file("helm/scenario_state.json")) << helm.dump();

  const std::vector<Case> cases = {
      {"lm-eval", lm_dir + "samples_planets_" + date + ".jsonl", dir.file("samples_arith_" + date + ".jsonl"),
       dir.file("samples_arith_" + date + ".jsonl") + ":3:doc_id: missing field"},
      {"inspect", test::fixture_path("import/inspect/arith-beta-chat.json"), dir.file("inspect.json"),
       dir.file("inspect.json") + ":eval.model: expected a string"},
      {"promptfoo", test::fixture_path("import/promptfoo/results.json"), dir.file("promptfoo.json"),
       dir.file("promptfoo.json") + ":results.results[1].latencyMs: expected a number"},
      {"helm", test::fixture_path("import/helm/arith-delta-chat"), dir.file("helm"),
       dir.file("helm/scenario_state.json") + ":request_states: missing field"},
  };
  for (const auto& c : cases) {
    INFO(c.format);
    const auto ok = run_distillscope({"import", "--format", c.format, c.good, "--db", db});
    REQUIRE_MESSAGE(ok.exit_code == 0, ok.err);
    const std::string before = test::store_snapshot(db);
    // The valid file again first: the whole command is rejected, not just the bad file.
    const auto bad = run_distillscope({"import", "--format", c.format, c.good, c.bad, "--db", db});
    CHECK(bad.exit_code == 2);
    CHECK_MESSAGE(bad.err.find(c.location) != std::string::npos, bad.err);
    CHECK(test::store_snapshot(db) == before);
  }
}

TEST_CASE("import scores answers to built-in suite prompts with our scorers, beside the tool's") {
  test::TempDir dir;
  const Suite math = load_suite("math");
  json results = json::array();
  for (size_t i = 0; i < 2; ++i)
    results.push_back({{"promptIdx", 0}, {"testIdx", i}, {"provider", {{"id", "openai:chat:m1"}}},
                       {"prompt", {{"raw", math.items[i].messages.back().content}, {"label", "{{q}}"}}},
                       {"vars", {{"q", math.items[i].messages.back().content}}},
                       {"response", {{"output", "The answer is " + math.items[i].data["answer"].get<std::string>()}}},
                       {"success", true}, {"score", 1}, {"latencyMs", 5},
                       {"gradingResult", {{"pass", true}, {"score", 1}, {"reason", "ok"}}}});
  const json file = {{"evalId", "e1"}, {"results", {{"version", 3}, {"results", results}}}};
  std::ofstream(dir.file("math.json")) << file.dump();
  const std::string db = dir.file("r.db");
  const auto r = run_distillscope({"import", "--format", "promptfoo", dir.file("math.json"), "--db", db});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("2 answers are to built-in suite prompts") != std::string::npos);
  Store store(db);
  const auto ours = store.scores("math");
  REQUIRE(ours.size() == 2);
  for (const auto& s : ours) CHECK(s.value == 1.0);
  CHECK(store.scores("promptfoo:pass").size() == 2);
  for (const auto& resp : store.responses({})) CHECK(resp.suite == "math");
}
