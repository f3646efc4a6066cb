// Messages a person can act on: a missing API key or an unresolvable host is exit 2 at once,
// naming what to fix, before any request; reading commands refuse a store without answers;
// progress on stderr never cuts a line of the results on stdout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/json.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using namespace ds::harness;
namespace test = ds::test;

namespace {

// distillscope in a network namespace with no route anywhere (not even loopback), without the
// providers' key and base-URL variables: whatever it tried to send could not leave.
test::CommandResult run_without_network(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/env",     "-u", "OPENAI_API_KEY",  "-u", "ANTHROPIC_API_KEY",
                                   "-u", "OPENAI_BASE_URL", "-u", "ANTHROPIC_BASE_URL", "unshare", "-rn",
                                   test::distillscope_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_program(argv);
}

// False, and the test recorded as skipped with the reason, where no namespace can be made.
bool network_namespaces_work() {
  if (test::run_program({"/usr/bin/env", "unshare", "-rn", "true"}).exit_code == 0) return true;
  test::skip("`unshare -rn` cannot make a network namespace here (util-linux, unprivileged user namespaces)");
  return false;
}

}  // namespace

TEST_CASE("a hosted API without its key is exit 2 naming the variable, before any request") {
  if (!network_namespaces_work()) return;
  test::TempDir dir;
  const std::string suite = test::write_small_suite(dir, 2);
  for (const auto& [spec, variable] : std::vector<std::pair<std::string, std::string>>{
           {"openai:gpt-4o-mini", "OPENAI_API_KEY"}, {"anthropic:claude-sonnet-4-5", "ANTHROPIC_API_KEY"}}) {
    CAPTURE(spec);
    const auto r = run_without_network({"run", "--model", spec, "--suite", suite, "--db", dir.file("r.db"), "--no-progress"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no API key for '" + spec + "'") != std::string::npos);
    CHECK(r.err.find("set " + variable) != std::string::npos);
    CHECK(r.err.find("nothing was sent") != std::string::npos);
    CHECK(r.err.find("resolve") == std::string::npos);  // stopped before the pre-flight request
    CHECK_FALSE(std::filesystem::exists(dir.file("r.db")));
  }
}

TEST_CASE("--api-key-env naming an unset variable is exit 2 naming it, and the endpoint hears nothing") {
  test::ServeProcess serve({"--simulate"});
  test::TempDir dir;
  const std::string suite = test::write_small_suite(dir, 2);
  const auto r = test::run_distillscope({"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--api-key-env",
                                         "DS_TEST_KEY_NOBODY_SET", "--suite", suite, "--db", dir.file("r.db"),
                                         "--no-progress"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--api-key-env names DS_TEST_KEY_NOBODY_SET, which is not set") != std::string::npos);
  CHECK(ds::core::json::parse(serve.http_get("/stats"))["total"] == 0);
  // A local endpoint needs no key when none is named: the same run without the flag goes ahead.
  const auto keyless = test::run_distillscope({"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite",
                                               suite, "--db", dir.file("r.db"), "--no-progress"});
  CHECK_MESSAGE(keyless.exit_code == 0, keyless.err);
}

TEST_CASE("a host that does not resolve is exit 2 from the pre-flight check, naming the host") {
  if (!network_namespaces_work()) return;
  test::TempDir dir;
  const std::string suite = test::write_small_suite(dir, 2);
  const auto r = run_without_network({"run", "--model", "openai:m@http://no-such-host.invalid:8000/v1", "--suite",
                                      suite, "--db", dir.file("r.db"), "--no-progress", "--max-retries", "5"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot resolve the host of http://no-such-host.invalid:8000/v1") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("r.db")));
}

TEST_CASE("every reading command says a store without answers has none, exit 2") {
  test::ServeProcess serve({"--simulate"});
  test::TempDir dir;
  const std::string db = dir.file("r.db"), suite = test::write_small_suite(dir, 2);
  const auto run = test::run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite", suite, "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  REQUIRE(test::run_distillscope({"prune", "--db", db, "--model", "sim-teacher"}).exit_code == 0);
  const std::vector<std::vector<std::string>> commands = {
      {"report", "--db", db},
      {"report", "--db", db, "--format", "html"},
      {"report", "--db", db, "--format", "csv"},
      {"lineage", "--db", db},
      {"leaderboard", "--db", db},
      {"detect", "--db", db, "--reference", "sim-teacher"}};
  for (const auto& args : commands) {
    CAPTURE(args[0]);
    const auto r = test::run_distillscope(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(db + ": this store has no answers") != std::string::npos);
    CHECK(r.out.empty());
  }
}

TEST_CASE("progress lines on stderr never cut a line of stdout, both written to one file") {
  test::TempDir dir;
  const std::string both = dir.file("both.log");
  const auto demo = test::run_shell("'" + test::distillscope_binary() + "' demo --limit 1 --db '" + dir.file("d.db") +
                                    "' --html '" + dir.file("d.html") + "' > '" + both + "' 2>&1");
  REQUIRE(demo.exit_code == 0);
  std::ifstream in(both);
  std::string line;
  size_t progress_lines = 0, lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    for (const char* marker : {"] started", "] done"}) {
      const size_t at = line.find(marker);
      if (at == std::string::npos) continue;
      INFO(line);
      CHECK(line.front() == '[');  // the progress line starts its own line
      ++progress_lines;
    }
  }
  CHECK(progress_lines >= 6);
  CHECK(lines > 40);
  // A phase without a count says only its time ("[endpoint] done in 0.09 s", not "done: 0").
  std::stringstream text;
  text << std::ifstream(both).rdbuf();
  CHECK(text.str().find("[endpoint] done in ") != std::string::npos);
  CHECK(text.str().find("done: 0 in") == std::string::npos);
}

TEST_CASE("run into a store with imported models prints this run's models and counts the others") {
  test::ServeProcess serve({"--simulate"});
  test::TempDir dir;
  const std::string db = dir.file("r.db"), suite = test::write_small_suite(dir, 2);
  const auto imported = test::run_distillscope(
      {"import", "--format", "inspect", test::source_dir() + "/tests/fixtures/import/inspect/arith-beta-chat.json",
       "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  std::vector<std::string> others;
  {
    ds::results::Store store(db, /*read_only=*/true);
    for (const auto& m : store.models()) others.push_back(m.name);
  }
  REQUIRE(!others.empty());
  const auto run = test::run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite", suite, "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.find("sim-teacher (simulated)") != std::string::npos);
  for (const auto& name : others) CHECK(run.out.find(name) == std::string::npos);
  CHECK(run.out.find(fmt::format("The store holds {} other model{} (not in this run)", others.size(),
                                 others.size() == 1 ? "" : "s")) != std::string::npos);
}

TEST_CASE("help and listings say what the flags do") {
  const auto help = test::run_distillscope({"run", "--help"});
  REQUIRE(help.exit_code == 0);
  CHECK(help.out.find("turn off progress lines on stderr") != std::string::npos);
  CHECK(help.out.find("show progress (the flag turns it off)") == std::string::npos);
  CHECK(help.out.find("integer >= 0") != std::string::npos);  // the seed, not 0..9223372036854775807
  CHECK(help.out.find("9223372036854775807") == std::string::npos);
  const auto suites = test::run_distillscope({"suites", "list"});
  REQUIRE(suites.exit_code == 0);
  CHECK(suites.out.find("math-generated") != std::string::npos);
  CHECK(suites.out.find("--count") == std::string::npos);  // run has no --count
}

TEST_CASE("suite names: a typo gets a suggestion, a comma-separated list is split") {
  test::ServeProcess serve({"--simulate"});
  test::TempDir dir;
  const auto typo = test::run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite", "maths", "--db", dir.file("r.db")});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unknown suite 'maths' (did you mean 'math'?)") != std::string::npos);
  const auto listed = test::run_distillscope({"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite",
                                              "math,coding", "--limit", "1", "--db", dir.file("r.db"), "--no-progress"});
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
  CHECK(test::row_count(dir.file("r.db")) == 2);  // one item of each suite
}

TEST_CASE("a misspelt scheme gets the URL it meant as the suggestion") {
  const auto r = test::run_distillscope({"run", "--model", "openai:x@http//127.0.0.1:18931/v1", "--no-progress"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("(e.g. http://127.0.0.1:18931/v1)") != std::string::npos);
  CHECK(r.err.find("http://http") == std::string::npos);
}
