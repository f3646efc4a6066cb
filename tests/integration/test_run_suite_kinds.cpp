// The suite kind decides the scorer: generated math and a user's own suite of kind "math" are
// scored like math, generic kinds with their own scorers, an item of no kind says why not.
#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "results/store.hpp"
#include "tests/support/process.hpp"

using namespace ds::test;
using ds::core::json;

namespace {

std::string write_user_suite(const TempDir& dir) {
  const std::string path = dir.file("mine.jsonl");
  std::ofstream out(path);
  const json items[] = {
      {{"id", "m1"}, {"suite", "mine"}, {"kind", "math"}, {"prompt", "What is 2 + 2? End with Answer: <n>"}, {"answer", "4"}},
      {{"id", "e1"}, {"suite", "mine"}, {"kind", "exact"}, {"prompt", "Name the capital of France."}, {"answer", "Paris"}},
      {{"id", "c1"}, {"suite", "mine"}, {"kind", "contains"}, {"prompt", "Say hello."}, {"contains", "hello"}},
      {{"id", "r1"}, {"suite", "mine"}, {"kind", "regex"}, {"prompt", "Give a number."}, {"pattern", "[0-9]"}},
      {{"id", "x1"}, {"suite", "mine"}, {"prompt", "An item of no kind."}},
  };
  for (const auto& item : items) out << item.dump() << "\n";
  return path;
}

}  // namespace

TEST_CASE("generated math and user suites of a known kind are scored; no kind says why") {
  TempDir dir;
  ServeProcess server({"--simulate"});
  const std::string db = dir.file("r.db");
  const auto run = run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--suite", "math-generated",
       "--suite", write_user_suite(dir), "--seed", "5", "--limit", "6", "--db", db,
       "--no-cache", "--no-progress"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);

  ds::results::Store store(db);
  std::map<int64_t, ds::results::StoredScore> by_response;
  for (const auto& s : store.scores()) by_response[s.response_id] = s;
  size_t generated = 0;
  for (const auto& r : store.responses({})) {
    REQUIRE(by_response.count(r.id) == 1);
    const auto& s = by_response[r.id];
    INFO(r.suite << "/" << r.item_id << ": " << s.details.dump());
    if (r.item_id == "x1") {
      CHECK_FALSE(s.value);
      CHECK(s.details["unscored"].get<std::string>().find("kind") != std::string::npos);
      continue;
    }
    REQUIRE(s.value);  // scored: 0 or 1, never "no scorer for suite"
    CHECK((*s.value == 0.0 || *s.value == 1.0));
    if (r.suite == "math-generated") ++generated;
  }
  CHECK(generated == 6);
}
