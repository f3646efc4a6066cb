#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "results/importers/prompt_items.hpp"
#include "tests/support/process.hpp"
#include "tests/support/store_snapshot.hpp"

using namespace ds::results;
namespace test = ds::test;
namespace fs = std::filesystem;

namespace {

std::string run_dir(const std::string& name) { return test::fixture_path("import/helm/" + name); }

std::optional<Record> answer(Store& store, const std::string& prompt) {
  const auto id = item_for_prompt(prompt_from_text(prompt), json::object()).item.item_id;
  for (const auto& r : store.responses({}))
    if (r.item_id == id) return r;
  return std::nullopt;
}

std::optional<StoredScore> score_of(Store& store, int64_t response_id, const std::string& scorer) {
  for (const auto& s : store.scores(scorer))
    if (s.response_id == response_id) return s;
  return std::nullopt;
}

}  // namespace

TEST_CASE("helm generation run: completions as answers, display_predictions stats as helm scores") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto s = import_files(store, {run_dir("arith-delta-chat")}, {.format = "helm"});
  CHECK(s.responses == 2);
  const auto four = answer(store, "What is 2 + 2? Answer with a number.");
  REQUIRE(four);
  CHECK(four->model == "delta-chat");  // openai/delta-chat without the provider
  CHECK(four->text == " 4");
  const auto marseille = answer(store, "Name the capital of France.");
  REQUIRE(marseille);
  const auto em = score_of(store, marseille->id, "helm:exact_match");
  REQUIRE(em);
  CHECK(em->value == 0.0);
  CHECK(em->extracted == "Marseille");
  const auto tokens = score_of(store, marseille->id, "helm:num_output_tokens");
  REQUIRE(tokens);
  CHECK(tokens->extracted.empty());  // not a right/wrong verdict
  const json runs = store.runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["args"]["source"]["tool"] == "helm");
  CHECK(runs[0]["args"]["run"] == "arith:model=openai_delta-chat");
}

TEST_CASE("helm joint multiple choice: the mapped option as a helm:choice score") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  import_files(store, {run_dir("planets-delta-chat") + "/scenario_state.json"}, {.format = "helm"});
  const auto mars = answer(store, "Question: Which planet is known as the Red Planet?\nA. Venus\nB. Mars\nC. "
                                  "Jupiter\nD. Saturn\nAnswer:");
  REQUIRE(mars);
  CHECK(mars->text == " B");
  const auto choice = score_of(store, mars->id, "helm:choice");
  REQUIRE(choice);
  CHECK(choice->extracted == "Mars");
  CHECK(choice->value == 1.0);
}

TEST_CASE("helm import is idempotent") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  const std::vector<std::string> runs = {run_dir("arith-delta-chat"), run_dir("planets-delta-chat")};
  { Store store(db); import_files(store, runs, {.format = "helm"}); }
  const std::string before = test::store_snapshot(db);
  { Store store(db); import_files(store, runs, {.format = "helm"}); }
  CHECK(test::store_snapshot(db) == before);
}

TEST_CASE("helm: a malformed run names file:path, a missing one says what to give, nothing is stored") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  { Store store(db); import_files(store, {run_dir("arith-delta-chat")}, {.format = "helm"}); }
  const std::string before = test::store_snapshot(db);
  fs::create_directories(dir.file("bad"));
  std::ifstream in(run_dir("arith-delta-chat") + "/scenario_state.json");
  std::stringstream text;
  text << in.rdbuf();
  json state = json::parse(text.str());
  state["request_states"][1]["result"]["completions"][0]["text"] = nullptr;
  std::ofstream(dir.file("bad/scenario_state.json")) << state.dump();
  Store store(db);
  CHECK_THROWS_WITH_AS(
      import_files(store, {run_dir("planets-delta-chat"), dir.file("bad")}, {.format = "helm"}),
      doctest::Contains((dir.file("bad/scenario_state.json") +
                         ":request_states[1].result.completions[0].text: missing field").c_str()),
      InputError);
  fs::create_directories(dir.file("empty"));
  CHECK_THROWS_WITH_AS(import_files(store, {dir.file("empty")}, {.format = "helm"}),
                       doctest::Contains("no scenario_state.json"), InputError);
  CHECK(test::store_snapshot(db) == before);
}
