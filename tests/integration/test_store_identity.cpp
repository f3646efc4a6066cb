// A stored model is its name, provider and base URL: a run that would mix another endpoint
// into it is refused and leaves the store byte for byte as it was; --as keeps the answers
// apart; prune removes a model; reading commands never create a store.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a model re-run against another endpoint is refused and the store is unchanged") {
  ds::test::ServeProcess a({"--simulate"});
  ds::test::ServeProcess b({"--simulate"});
  ds::test::TempDir dir;
  const std::string suite = ds::test::write_small_suite(dir, 4), db = dir.file("r.db");
  const auto run = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"run", "--suite", suite, "--db", db, "--no-progress", "--no-cache"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ds::test::run_distillscope(args);
  };
  REQUIRE(run({"--model", "openai:sim-teacher@" + a.base_url()}).exit_code == 0);
  const std::string before = bytes_of(db);
  REQUIRE(!before.empty());
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));

  const auto refused = run({"--model", "openai:sim-teacher@" + b.base_url()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("model 'sim-teacher' in " + db + " was answered by openai at " + a.base_url()) !=
        std::string::npos);
  CHECK(refused.err.find("--as NAME") != std::string::npos);
  CHECK(bytes_of(db) == before);
  const json stats = json::parse(b.http_get("/stats"));
  CHECK(stats["total"] == 0);  // nothing was sent to the other endpoint

  // Another provider at the same URL is another model too.
  CHECK(run({"--model", "anthropic:sim-teacher@" + a.base_url()}).exit_code == 2);
  CHECK(bytes_of(db) == before);

  // Under its own name, the other endpoint's answers are stored beside the first ones.
  const auto renamed = run({"--model", "openai:sim-teacher@" + b.base_url(), "--as", "sim-teacher-b"});
  CHECK(renamed.exit_code == 0);
  Store store(db, true);
  REQUIRE(store.model("sim-teacher-b"));
  CHECK(store.model("sim-teacher-b")->base_url == b.base_url());
  CHECK(store.model("sim-teacher")->base_url == a.base_url());
  CHECK(store.responses({.model = std::string("sim-teacher-b")}).size() == 4);
}

TEST_CASE("a run that sends nothing leaves the model's provenance alone") {
  ds::test::ServeProcess a({"--simulate"});
  ds::test::TempDir dir;
  const std::string suite = ds::test::write_small_suite(dir, 3), db = dir.file("r.db");
  const std::vector<std::string> args = {"run", "--suite", suite, "--db", db, "--no-progress", "--no-cache",
                                         "--model", "openai:sim-teacher@" + a.base_url()};
  REQUIRE(ds::test::run_distillscope(args).exit_code == 0);
  {
    Store store(db, true);
    CHECK(store.model("sim-teacher")->simulated);
  }
  // Everything is stored: the run sends nothing.
  CHECK(ds::test::run_distillscope(args).exit_code == 0);
  CHECK(json::parse(a.http_get("/stats"))["total"] == 3);
  Store store(db, true);
  CHECK(store.model("sim-teacher")->simulated);
  CHECK(store.model("sim-teacher")->base_url == a.base_url());
}

TEST_CASE("prune removes a model with its answers and scores") {
  ds::test::ServeProcess a({"--simulate"});
  ds::test::TempDir dir;
  const std::string suite = ds::test::write_small_suite(dir, 3), db = dir.file("r.db");
  REQUIRE(ds::test::run_distillscope({"run", "--suite", suite, "--db", db, "--no-progress", "--model",
                                  "openai:sim-teacher@" + a.base_url(), "--model", "openai:sim-student@" + a.base_url()})
              .exit_code == 0);
  const auto typo = ds::test::run_distillscope({"prune", "--model", "sim-techer", "--db", db});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("no model 'sim-techer'") != std::string::npos);
  const auto pruned = ds::test::run_distillscope({"prune", "--model", "sim-student", "--db", db});
  CHECK(pruned.exit_code == 0);
  CHECK(pruned.out.find("removed model 'sim-student' and its 3 answers") != std::string::npos);
  Store store(db, true);
  CHECK_FALSE(store.model("sim-student"));
  CHECK(store.model("sim-teacher"));
  CHECK(store.responses({.model = std::string("sim-student"), .ok_only = false}).empty());
  auto orphans = store.db().prepare("SELECT count(*) FROM scores WHERE response_id NOT IN (SELECT id FROM responses)");
  REQUIRE(orphans.step());
  CHECK(orphans.integer(0) == 0);
}

TEST_CASE("reading commands on a missing store exit 2 and create no file") {
  ds::test::TempDir dir;
  const std::string missing = dir.file("typo.db");
  std::ofstream(dir.file("labels.json")) << R"({"reference": "a", "models": {}})";
  const std::vector<std::vector<std::string>> commands = {
      {"detect", "--reference", "a", "--db", missing},
      {"lineage", "--db", missing},
      {"validate", "--labels", dir.file("labels.json"), "--db", missing},
      {"report", "--db", missing},
      {"leaderboard", "--db", missing},
      {"merge", missing, "--db", dir.file("merged.db")},
      {"prune", "--model", "a", "--db", missing},
  };
  for (const auto& args : commands) {
    const auto r = ds::test::run_distillscope(args);
    CHECK_MESSAGE(r.exit_code == 2, args[0] << ": " << r.err);
    CHECK_MESSAGE(r.err.find(missing) != std::string::npos, args[0] << ": " << r.err);
  }
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  CHECK(files == 1);  // labels.json only: no store, no -wal/-shm, no merge target
}
