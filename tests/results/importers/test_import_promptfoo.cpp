#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "results/importers/prompt_items.hpp"
#include "tests/support/process.hpp"
#include "tests/support/store_snapshot.hpp"

using namespace ds::results;
namespace test = ds::test;

namespace {

std::string results_path() { return test::fixture_path("import/promptfoo/results.json"); }

json results_json() {
  std::ifstream in(results_path());
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

}  // namespace

TEST_CASE("promptfoo results: one model per provider, gradingResult kept, errors not imported") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto s = import_files(store, {results_path()}, {.format = "promptfoo"});
  CHECK(s.responses == 3);
  REQUIRE(s.skipped.size() == 1);
  CHECK(s.skipped.begin()->second == 1);
  CHECK(store.model("alpha-chat"));  // openai:chat:alpha-chat
  CHECK(store.model("gamma-chat"));
  const auto id = item_for_prompt(prompt_from_text("What is 2 + 2? Answer with a number."), json::object())
                      .item.item_id;
  std::map<std::string, Record> by_model;
  for (const auto& r : store.responses({}))
    if (r.item_id == id) by_model[r.model] = r;
  REQUIRE(by_model.size() == 2);
  CHECK(by_model["gamma-chat"].text == "2 + 2 = 4");
  CHECK(by_model["alpha-chat"].latency_ms == 400);
  CHECK(by_model["alpha-chat"].usage["prompt_tokens"] == 12);
  bool found = false;
  for (const auto& sc : store.scores("promptfoo:pass"))
    if (sc.response_id == by_model["gamma-chat"].id) {
      found = true;
      CHECK(sc.value == 1.0);
      CHECK(sc.details["reason"] == "All assertions passed");
    }
  CHECK(found);
  const json runs = store.runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["args"]["source"]["tool"] == "promptfoo");
  CHECK(runs[0]["args"]["source"]["version"] == "0.121.20");
}

TEST_CASE("promptfoo: --model cannot name a file of several providers") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  CHECK_THROWS_WITH_AS(import_files(store, {results_path()}, {.format = "promptfoo", .model_name = "x"}),
                       doctest::Contains("2 providers"), InputError);
}

TEST_CASE("promptfoo import is idempotent") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  { Store store(db); import_files(store, {results_path()}, {.format = "promptfoo"}); }
  const std::string before = test::store_snapshot(db);
  { Store store(db); import_files(store, {results_path()}, {.format = "promptfoo"}); }
  CHECK(test::store_snapshot(db) == before);
}

TEST_CASE("promptfoo: a malformed file names file:path and nothing is stored") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  { Store store(db); import_files(store, {results_path()}, {.format = "promptfoo"}); }
  const std::string before = test::store_snapshot(db);
  json r = results_json();
  r["results"]["results"][2]["prompt"].erase("raw");
  const std::string bad = dir.file("bad.json");
  std::ofstream(bad) << r.dump();
  Store store(db);
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "promptfoo"}),
                       doctest::Contains((bad + ":results.results[2].prompt.raw: missing field").c_str()),
                       InputError);
  r = results_json();
  r["results"]["results"] = "none";
  std::ofstream(bad) << r.dump();
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "promptfoo"}),
                       doctest::Contains((bad + ":results.results: expected an array").c_str()),
                       InputError);
  CHECK(test::store_snapshot(db) == before);
}
