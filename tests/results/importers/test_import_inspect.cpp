#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "results/importers/prompt_items.hpp"
#include "tests/support/process.hpp"
#include "tests/support/store_snapshot.hpp"
#include "tests/support/zip_writer.hpp"

using namespace ds::results;
namespace test = ds::test;

namespace {

std::string log_path() { return test::fixture_path("import/inspect/arith-beta-chat.json"); }

json log_json() {
  std::ifstream in(log_path());
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

// The same log as an .eval archive, laid out as Inspect writes one: header.json (the log
// without samples) and samples/<id>_epoch_<n>.json.
std::string write_eval_archive(const test::TempDir& dir, json log) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& s : log["samples"])
    members.push_back({"samples/" + s["id"].dump() + "_epoch_" + s["epoch"].dump() + ".json", s.dump()});
  log.erase("samples");
  members.push_back({"header.json", log.dump()});
  members.push_back({"_journal/start.json", json{{"version", 2}, {"eval", log["eval"]}, {"plan", log["plan"]}}.dump()});
  const std::string path = dir.file("arith.eval");
  test::write_zip(path, members);
  return path;
}

std::vector<Record> answers_to(Store& store, const std::string& prompt) {
  const auto id = item_for_prompt(prompt_from_text(prompt), json::object()).item.item_id;
  std::vector<Record> out;
  for (const auto& r : store.responses({}))
    if (r.item_id == id) out.push_back(r);
  return out;
}

void check_imported(Store& store) {
  const auto two = answers_to(store, "What is 2 + 2? Answer with a number.");
  REQUIRE(two.size() == 2);  // two epochs: samples 0 and 1
  CHECK(two[0].model == "beta-chat");
  CHECK(two[0].sample == 0);
  CHECK(two[0].text == "4");
  CHECK(two[1].sample == 1);
  CHECK(two[1].text == "Four.");
  CHECK(two[0].usage["completion_tokens"] == 3);
  // The attachment in the second sample's messages resolves to the prompt text.
  const auto paris = answers_to(store, "Name the capital of France.");
  REQUIRE(paris.size() == 2);
  CHECK(paris[0].text == "Paris.");
  std::map<int64_t, StoredScore> match;
  for (const auto& s : store.scores("inspect:match")) match[s.response_id] = s;
  REQUIRE(match.count(two[1].id));
  CHECK(match[two[0].id].value == 1.0);
  CHECK(match[two[1].id].value == 0.0);  // "I"
  CHECK(match[two[1].id].extracted == "Four.");
  CHECK(match[two[1].id].details["explanation"] == "Four.");
  const json runs = store.runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["args"]["source"]["tool"] == "inspect");
  CHECK(runs[0]["args"]["source"]["version"] == "0.3.104");
  CHECK(runs[0]["args"]["task"] == "arith");
}

}  // namespace

TEST_CASE("inspect .json log: epochs become samples, scores kept as inspect:<scorer>") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto s = import_files(store, {log_path()}, {.format = "inspect"});
  CHECK(s.responses == 4);
  check_imported(store);
}

TEST_CASE("inspect .eval archive gives the same answers as the .json log") {
  test::TempDir dir;
  const std::string eval = write_eval_archive(dir, log_json());
  Store store(dir.file("r.db"));
  import_files(store, {eval}, {.format = "inspect"});
  check_imported(store);
}

TEST_CASE("inspect import is idempotent, for .json and .eval") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  const std::vector<std::string> files = {log_path(), write_eval_archive(dir, log_json())};
  { Store store(db); import_files(store, files, {.format = "inspect"}); }
  const std::string before = test::store_snapshot(db);
  { Store store(db); import_files(store, files, {.format = "inspect"}); }
  CHECK(test::store_snapshot(db) == before);
  // Two logs of the same model and prompts hold different samples: nothing was overwritten.
  CHECK(test::store_rows(db, "responses") == 8);
}

TEST_CASE("inspect: a malformed log names file:path and nothing is stored") {
  test::TempDir dir;
  const std::string db = dir.file("r.db");
  { Store store(db); import_files(store, {log_path()}, {.format = "inspect"}); }
  const std::string before = test::store_snapshot(db);
  json log = log_json();
  log["samples"][2]["output"]["completion"] = 42;
  const std::string bad = dir.file("bad.json");
  std::ofstream(bad) << log.dump();
  Store store(db);
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "inspect"}),
                       doctest::Contains((bad + ":samples[2]:output.completion: expected a string").c_str()),
                       InputError);
  log = log_json();
  log["samples"][1]["scores"]["match"].erase("value");
  const std::string eval = write_eval_archive(dir, log);
  CHECK_THROWS_WITH_AS(import_files(store, {eval}, {.format = "inspect"}),
                       doctest::Contains((eval + ":samples/1_epoch_2.json:scores.match.value: missing field").c_str()),
                       InputError);
  std::ofstream(dir.file("not.eval")) << "PK\x03\x04 not really a zip";
  CHECK_THROWS_WITH_AS(import_files(store, {dir.file("not.eval")}, {.format = "inspect"}),
                       doctest::Contains("not a readable zip archive"), InputError);
  CHECK(test::store_snapshot(db) == before);
}

TEST_CASE("inspect .eval: a deeply nested sample member is refused naming it, without a crash") {
  // 2 KB of deflate holding a 1,000,000-deep array: the member goes through the bounded JSON
  // reader like every outside text (it overflowed the stack when parsed and copied plainly).
  test::TempDir dir;
  json log = log_json();
  std::vector<std::pair<std::string, std::string>> members = {
      {"header.json", json{{"version", 2}, {"eval", log["eval"]}}.dump()},
      {"samples/1_epoch_1.json", std::string(1'000'000, '[') + std::string(1'000'000, ']')}};
  const std::string eval = dir.file("deep.eval");
  test::write_zip(eval, members);
  Store store(dir.file("r.db"));
  CHECK_THROWS_WITH_AS(import_files(store, {eval}, {.format = "inspect"}),
                       doctest::Contains((eval + ":samples/1_epoch_1.json:1: not valid JSON: nested deeper than 32 levels").c_str()),
                       InputError);
  CHECK(test::store_rows(dir.file("r.db"), "responses") == 0);
}

TEST_CASE("inspect .eval: a zip bomb is refused naming the member, before it is inflated") {
  // 64 MiB of zeros deflates to about 64 KB. The archive's directory claims the size: it is
  // refused before one byte is inflated.
  test::TempDir dir;
  json log = log_json();
  const std::string eval = dir.file("bomb.eval");
  test::write_zip(eval, {{"header.json", json{{"version", 2}, {"eval", log["eval"]}}.dump()},
                         {"samples/1_epoch_1.json", std::string(64u << 20, '\0')}});
  Store store(dir.file("r.db"));
  CHECK_THROWS_WITH_AS(import_files(store, {eval}, {.format = "inspect"}),
                       doctest::Contains((eval + ":samples/1_epoch_1.json: the member inflates more than 200:1").c_str()),
                       InputError);
  CHECK(test::store_rows(dir.file("r.db"), "responses") == 0);
}
