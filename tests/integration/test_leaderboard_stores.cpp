// Two stores filled over real HTTP from `distillscope serve --simulate`: `run --jsonl` writes
// scored records, and `leaderboard` puts the stores side by side only on the suites both
// have, telling apart the model both stores share.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;
namespace test = ds::test;

namespace {

test::CommandResult run_models(const test::ServeProcess& serve, const std::string& db,
                               const std::vector<std::string>& models, const std::vector<std::string>& suites,
                               const std::string& jsonl = "") {
  std::vector<std::string> args = {"run", "--db", db, "--limit", "3", "--seed", "1", "--no-progress", "--no-cache"};
  for (const auto& m : models) {
    args.push_back("--model");
    args.push_back("openai:" + m + "@" + serve.base_url());
  }
  for (const auto& s : suites) {
    args.push_back("--suite");
    args.push_back(s);
  }
  if (!jsonl.empty()) {
    args.push_back("--jsonl");
    args.push_back(jsonl);
  }
  return test::run_distillscope(args);
}

}  // namespace

TEST_CASE("run --jsonl records carry their scores; leaderboard compares stores on shared suites") {
  test::ServeProcess serve({"--simulate"});
  test::TempDir dir;
  const std::string a = dir.file("a.db"), b = dir.file("b.db"), jsonl = dir.file("a.jsonl");
  const auto ra = run_models(serve, a, {"sim-teacher", "sim-student", "sim-independent-a"}, {"math"}, jsonl);
  REQUIRE_MESSAGE(ra.exit_code == 0, ra.err);
  const auto rb = run_models(serve, b, {"sim-teacher", "sim-mixed", "sim-independent-b"}, {"math", "philosophy"});
  REQUIRE_MESSAGE(rb.exit_code == 0, rb.err);

  std::ifstream in(jsonl);
  size_t records = 0, scored = 0;
  for (std::string line; std::getline(in, line);) {
    const json r = json::parse(line);
    ++records;
    if (r["score"].is_number()) ++scored;
  }
  CHECK(records == 3 * 3);
  CHECK(scored == records);  // every math answer is scored, and says so in the stream

  const auto board = test::run_distillscope({"leaderboard", "--db", a, "--db", b, "--format", "json"});
  REQUIRE_MESSAGE(board.exit_code == 0, board.err);
  const json j = json::parse(board.out);
  CHECK(j["suites"] == json::array({"math"}));
  REQUIRE(j["left_out"].size() == 1);
  CHECK(j["left_out"][0].get<std::string>().rfind("philosophy (only in ", 0) == 0);
  size_t teachers = 0;
  for (const auto& e : j["entries"]) {
    CHECK(e["scores"].size() == 1);
    if (e["model"] == "sim-teacher") {
      ++teachers;
      CHECK(e["label"] == "sim-teacher [" + e["source"].get<std::string>() + "]");
    } else {
      CHECK(e["label"] == e["model"]);
    }
    CHECK(e["closest_model"].is_string());
  }
  CHECK(teachers == 2);

  const auto md = test::run_distillscope({"leaderboard", "--db", a, "--db", b});
  REQUIRE_MESSAGE(md.exit_code == 0, md.err);
  std::istringstream lines(md.out);
  std::string first, line;
  std::getline(lines, first);
  while (std::getline(lines, line) && line.rfind("|", 0) == 0) CHECK(line.size() == first.size());
  CHECK(md.out.find("Compared on the suites every store has: math.") != std::string::npos);

  const auto bad = test::run_distillscope({"leaderboard", "--db", a, "--db", b, "--sort", "philosophy"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("not a suite every store has") != std::string::npos);
}
