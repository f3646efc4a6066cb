// The same simulated answers, written as lm-evaluation-harness samples, Inspect .eval logs and
// a promptfoo results file, imported through each format give the same detection result
// (`detect --json`), and it finds the distilled model. The answers are fetched over real HTTP
// from `distillscope serve --simulate`; the files are written in each tool's documented layout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/json.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"
#include "tests/integration/import_helpers.hpp"

using namespace ds::harness;
using namespace ds::test;
namespace fs = std::filesystem;

namespace {

// lm-eval: <dir>/<model>/results_<date>.json and samples_<task>_<date>.jsonl; a conversation
// is logged the way a chat-templated API request logs it (a list holding the JSON chat).
std::vector<std::string> write_lm_eval(const std::string& dir, const std::vector<Answer>& answers) {
  const std::string date = "2025-02-01T09-00-00.000001";
  std::map<std::string, std::ofstream> samples;
  std::map<std::string, int> doc_ids;
  std::vector<std::string> files;
  for (const auto& a : answers) {
    if (!samples.count(a.model)) {
      fs::create_directories(dir + "/" + a.model);
      std::ofstream(dir + "/" + a.model + "/results_" + date + ".json")
          << json{{"model_name", a.model}, {"lm_eval_version", "0.4.8"},
                  {"configs", {{"distillscope", {{"output_type", "generate_until"}}}}}}.dump();
      files.push_back(dir + "/" + a.model + "/samples_distillscope_" + date + ".jsonl");
      samples.emplace(a.model, std::ofstream(files.back()));
    }
    const json context = single_user_turn(*a.item) ? json(a.item->messages[0].content)
                                                    : json::array({chat_of(*a.item).dump()});
    samples[a.model] << json{{"doc_id", doc_ids[a.model]++}, {"doc", {{"id", a.item->id}}}, {"target", ""},
                             {"arguments", {{"gen_args_0", {{"arg_0", context}, {"arg_1", {{"do_sample", false}}}}}}},
                             {"resps", json::array({json::array({a.text})})}, {"filtered_resps", json::array({a.text})},
                             {"filter", "none"}, {"metrics", json::array()}}.dump()
                     << "\n";
  }
  return files;
}

// promptfoo: one results file, one provider per model; a conversation is a JSON chat prompt.
std::string write_promptfoo(const std::string& dir, const std::vector<Answer>& answers) {
  json results = json::array();
  for (const auto& a : answers) {
    const std::string raw = single_user_turn(*a.item) ? a.item->messages[0].content : chat_of(*a.item).dump();
    results.push_back({{"provider", {{"id", "openai:chat:" + a.model}}}, {"prompt", {{"raw", raw}, {"label", "p"}}},
                       {"vars", json::object()}, {"response", {{"output", a.text}}}, {"success", true}, {"score", 1},
                       {"latencyMs", 1}});
  }
  const std::string path = dir + "/results.json";
  std::ofstream(path) << json{{"evalId", "e"}, {"results", {{"version", 3}, {"results", results}}},
                              {"metadata", {{"promptfooVersion", "0.121.20"}}}}.dump();
  return path;
}

json import_and_detect(const std::string& db, const std::string& format, const std::vector<std::string>& files) {
  std::vector<std::string> args = {"import", "--format", format};
  args.insert(args.end(), files.begin(), files.end());
  args.insert(args.end(), {"--db", db});
  const auto imported = ds::test::run_distillscope(args);
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  const auto detected = ds::test::run_distillscope({"detect", "--reference", "sim-teacher", "--db", db, "--json"});
  REQUIRE_MESSAGE(detected.exit_code == 0, detected.err);
  return json::parse(detected.out);
}

}  // namespace

TEST_CASE("the same simulated answers through lm-eval, inspect and promptfoo give one detection result") {
  ds::test::ServeProcess serve({"--simulate"});
  ds::test::TempDir tmp;
  std::vector<std::string> models{"sim-teacher", "sim-student", "sim-mixed"};
  for (char c = 'a'; c <= 'k'; ++c) models.push_back(std::string("sim-independent-") + c);
  const std::vector<Suite> suites = {load_suite("creativity"), load_suite("philosophy"), load_suite("probes")};
  const auto answers = fetch(serve, models, suites);
  fs::create_directories(tmp.file("lm"));
  fs::create_directories(tmp.file("inspect"));
  const json lm = import_and_detect(tmp.file("lm.db"), "lm-eval", write_lm_eval(tmp.file("lm"), answers));
  const json inspect = import_and_detect(tmp.file("inspect.db"), "inspect", write_inspect(tmp.file("inspect"), answers));
  const json promptfoo = import_and_detect(tmp.file("pf.db"), "promptfoo", {write_promptfoo(tmp.path(), answers)});
  CHECK(lm == inspect);
  CHECK(lm == promptfoo);
  // The result is a detection, not an empty agreement: the distilled model is found and the
  // built-in philosophy items were scored (choice evidence) on the imported answers.
  std::map<std::string, json> by_model;
  for (const auto& c : lm["candidates"]) by_model[c["model"].get<std::string>()] = c;
  REQUIRE(by_model.count("sim-student"));
  CHECK(by_model["sim-student"]["verdict"] == "distilled");
  CHECK(by_model["sim-student"]["components"].contains("choices"));
  for (char c = 'a'; c <= 'k'; ++c) CHECK(by_model[std::string("sim-independent-") + c]["verdict"] != "distilled");
}
