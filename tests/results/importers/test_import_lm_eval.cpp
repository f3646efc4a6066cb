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

const std::string kDate = "2025-01-15T10-20-30.123456";

std::string fixture(const std::string& name) {
  return test::fixture_path("import/lm-eval/alpha-chat/" + name + "_" + kDate +
                            (name == "results" ? ".json" : ".jsonl"));
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string item_id_of(const std::string& prompt) {
  return item_for_prompt(prompt_from_text(prompt), json::object()).item.item_id;
}

std::optional<StoredScore> score_of(Store& store, int64_t response_id, const std::string& scorer) {
  for (const auto& s : store.scores(scorer))
    if (s.response_id == response_id) return s;
  return std::nullopt;
}

std::optional<Record> answer(Store& store, const std::string& prompt) {
  for (const auto& r : store.responses({}))
    if (r.item_id == item_id_of(prompt)) return r;
  return std::nullopt;
}

}  // namespace

TEST_CASE("lm-eval samples: generative answers, filters' metrics, model and version from the results file") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  Store store(db);
  const auto s = import_files(store, {fixture("samples_arith")}, {.format = "lm-eval"});
  CHECK(s.responses == 2);  // one answer per document although each is logged once per filter
  const auto four = answer(store, "What is 2 + 2? Answer with a number.");
  REQUIRE(four);
  CHECK(four->model == "alpha-chat");
  CHECK(four->suite == "imported");
  CHECK(four->text == "The answer is 4.");
  const auto strict = score_of(store, four->id, "lm-eval:exact_match,strict-match");
  REQUIRE(strict);
  CHECK(strict->value == 1.0);
  CHECK(strict->extracted == "4");
  CHECK(score_of(store, four->id, "lm-eval:exact_match,flexible-extract"));
  const auto lyon = answer(store, "Name the capital of France.");
  REQUIRE(lyon);
  const auto flexible = score_of(store, lyon->id, "lm-eval:exact_match,flexible-extract");
  REQUIRE(flexible);
  CHECK(flexible->value == 0.0);
  CHECK(flexible->extracted == "Lyon");
  // The strict filter found no answer ("[invalid]"): no extracted answer to share.
  const auto no_answer = score_of(store, lyon->id, "lm-eval:exact_match,strict-match");
  REQUIRE(no_answer);
  CHECK(no_answer->extracted.empty());
  CHECK(no_answer->details["filtered"] == "[invalid]");
  const auto item = store.item("imported", lyon->item_id);
  REQUIRE(item);
  CHECK(item->data["category"] == "arith");
  CHECK(item->data["target"] == "Paris");
  const json runs = store.runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["status"] == "imported");
  CHECK(runs[0]["args"]["source"]["tool"] == "lm-eval");
  CHECK(runs[0]["args"]["source"]["version"] == "0.4.8");
}

TEST_CASE("lm-eval multiple choice: the chosen option and the distribution as an lm-eval:choice score") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto s = import_files(store, {fixture("samples_planets"), fixture("samples_wordpred")},
                              {.format = "lm-eval"});
  CHECK(s.responses == 2);
  REQUIRE(s.skipped.size() == 1);  // a log-likelihood of a fixed continuation has no answer
  CHECK(s.skipped.begin()->second == 1);
  const auto mars = answer(store, "Question: Which planet is known as the Red Planet?\nAnswer:");
  REQUIRE(mars);
  CHECK(mars->text == "Mars");
  const auto choice = score_of(store, mars->id, "lm-eval:choice");
  REQUIRE(choice);
  CHECK(choice->extracted == "Mars");
  CHECK(choice->value == 1.0);
  CHECK(choice->details["gold"] == "Mars");
  double total = 0;
  for (const auto& p : choice->details["distribution"]) total += p.get<double>();
  CHECK(total == doctest::Approx(1.0));
  CHECK(choice->details["distribution"][1].get<double>() > 0.9);
  const auto acc = score_of(store, mars->id, "lm-eval:acc");
  REQUIRE(acc);
  CHECK(acc->extracted.empty());  // the choice score carries the option
  const auto oxygen = answer(store, "Question: Which gas do plants absorb from the air?\nAnswer:");
  REQUIRE(oxygen);
  CHECK(oxygen->text == "Oxygen");
  CHECK(score_of(store, oxygen->id, "lm-eval:choice")->value == 0.0);
}

TEST_CASE("lm-eval import is idempotent") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  const std::vector<std::string> files = {fixture("samples_arith"), fixture("samples_planets")};
  {
    Store store(db);
    import_files(store, files, {.format = "lm-eval"});
  }
  const std::string before = test::store_snapshot(db);
  {
    Store store(db);
    import_files(store, files, {.format = "lm-eval"});
  }
  CHECK(test::store_snapshot(db) == before);
}

TEST_CASE("lm-eval: the model from model_args, --model, or an error naming what to pass") {
  test::TempDir dir;
  json results = json::parse(read(fixture("results")));
  results.erase("model_name");
  write(dir.file("results_" + kDate + ".json"), results.dump());
  const std::string samples = dir.file("samples_arith_" + kDate + ".jsonl");
  fs::copy_file(fixture("samples_arith"), samples);
  Store store(dir.file("r.db"));
  import_files(store, {samples}, {.format = "lm-eval"});
  CHECK(store.model("alpha-chat"));  // model=alpha-chat in config.model_args
  import_files(store, {samples}, {.format = "lm-eval", .model_name = "renamed"});
  CHECK(store.model("renamed"));
  fs::remove(dir.file("results_" + kDate + ".json"));
  CHECK_THROWS_WITH_AS(import_files(store, {samples}, {.format = "lm-eval"}),
                       doctest::Contains("pass --model NAME"), InputError);
}

TEST_CASE("lm-eval: a chat-templated prompt joins the same prompt sent as text") {
  test::TempDir dir;
  fs::copy_file(fixture("results"), dir.file("results_" + kDate + ".json"));
  json line = json::parse(read(fixture("samples_arith")).substr(0, read(fixture("samples_arith")).find('\n')));
  const json chat = json::array({{{"role", "user"}, {"content", "What is 2 + 2?   Answer with a number."}}});
  line["arguments"]["gen_args_0"]["arg_0"] = json::array({chat.dump()});
  write(dir.file("samples_chat_" + kDate + ".jsonl"), line.dump() + "\n");
  Store store(dir.file("r.db"));
  import_files(store, {dir.file("samples_chat_" + kDate + ".jsonl")}, {.format = "lm-eval"});
  CHECK(answer(store, "What is 2 + 2? Answer with a number."));
}

TEST_CASE("lm-eval: a malformed line names file:line:field and nothing is stored") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  {
    Store store(db);
    import_files(store, {fixture("samples_planets")}, {.format = "lm-eval"});
  }
  const std::string before = test::store_snapshot(db);
  fs::copy_file(fixture("results"), dir.file("results_" + kDate + ".json"));
  const std::string bad = dir.file("samples_arith_" + kDate + ".jsonl");
  std::string text = read(fixture("samples_arith"));
  const auto second = text.find('\n') + 1;
  json line = json::parse(text.substr(second, text.find('\n', second) - second));
  line["resps"] = json::array({json::array({17})});
  text.replace(second, text.find('\n', second) - second, line.dump());
  write(bad, text);
  Store store(db);
  CHECK_THROWS_WITH_AS(import_files(store, {fixture("samples_arith"), bad}, {.format = "lm-eval"}),
                       doctest::Contains((bad + ":2:resps[0][0]: expected a string").c_str()),
                       InputError);
  line.erase("arguments");
  write(bad, line.dump() + "\n");
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "lm-eval"}),
                       doctest::Contains((bad + ":1:arguments: missing field").c_str()), InputError);
  CHECK(test::store_snapshot(db) == before);
}
