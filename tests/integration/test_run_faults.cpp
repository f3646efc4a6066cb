// A run against every fault the built-in server can inject completes with every item
// answered or reported failed, and no duplicate rows.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/integration/run_helpers.hpp"


using namespace ds::test;
using ds::core::json;

namespace {

void run_against_fault(const std::vector<std::string>& fault_flags) {
  TempDir dir;
  const std::string suite = write_small_suite(dir, 40);
  std::vector<std::string> serve_args = {"--simulate", "--fault-seed", "7"};
  serve_args.insert(serve_args.end(), fault_flags.begin(), fault_flags.end());
  ServeProcess server(serve_args);
  const std::string db = dir.file("r.db");
  const auto result = run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--model",
       "anthropic:sim-student@" + server.base_url(), "--suite", suite, "--samples", "2", "--db",
       db, "--timeout", "2", "--max-retries", "8", "--concurrency", "16", "--no-progress"});
  INFO("flags: " << fault_flags[0] << "\nstderr: " << result.err);
  CHECK((result.exit_code == 0 || result.exit_code == 3));
  // 40 items x 2 models x 2 samples: each stored exactly once, answered or failed.
  CHECK(row_count(db) == 160);
  const auto answered = answers(db).size();
  if (result.exit_code == 0) CHECK(answered == 160);
  CHECK(answered >= 150);  // 8 retries at a 20% fault rate leave almost nothing failed
}

}  // namespace

TEST_CASE("run survives injected server errors") { run_against_fault({"--error-rate", "0.2"}); }
TEST_CASE("run survives rate limiting with Retry-After") { run_against_fault({"--rate-limit", "200/s"}); }
TEST_CASE("run survives dropped connections") { run_against_fault({"--drop-rate", "0.2"}); }
TEST_CASE("run survives malformed JSON bodies") { run_against_fault({"--garbage-rate", "0.2"}); }
TEST_CASE("run survives truncated bodies") { run_against_fault({"--truncate-rate", "0.2"}); }
TEST_CASE("run survives stalls past the request timeout") { run_against_fault({"--stall-rate", "0.1"}); }
TEST_CASE("run survives latency with jitter") { run_against_fault({"--latency-ms", "20,10"}); }

TEST_CASE("an unreachable endpoint is exit 2 from the pre-flight check, with nothing stored") {
  TempDir dir;
  const std::string suite = write_small_suite(dir, 3);
  const auto result = run_distillscope({"run", "--model", "openai:nobody@http://127.0.0.1:9/v1",
                                        "--suite", suite, "--db", dir.file("r.db"),
                                        "--max-retries", "1", "--timeout", "1", "--no-progress"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot connect to http://127.0.0.1:9/v1") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("r.db")));
}
