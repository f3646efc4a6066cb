// What a person sees on mistakes: gates checked before any request, short range messages,
// unknown commands named, defaults in --help, base URLs without a scheme refused.
#include <doctest/doctest.h>

#include "core/json.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

TEST_CASE("gate typos are exit 2 before any request is sent") {
  ds::test::ServeProcess s({"--simulate"});
  ds::test::TempDir dir;
  const std::string suite = ds::test::write_small_suite(dir, 3);
  const auto run = [&](const std::vector<std::string>& gate_args) {
    std::vector<std::string> args = {"run", "--model", "openai:sim-teacher@" + s.base_url(), "--suite", suite,
                                     "--db", dir.file("r.db"), "--no-progress"};
    args.insert(args.end(), gate_args.begin(), gate_args.end());
    return ds::test::run_distillscope(args);
  };
  const auto typo = run({"--fail-on", "smkoe<0.9"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("'smkoe' is not a suite of this run (suites: smoke)") != std::string::npos);
  const auto no_reference = run({"--fail-on", "distilled"});
  CHECK(no_reference.exit_code == 2);
  CHECK(no_reference.err.find("--reference") != std::string::npos);
  const auto malformed = run({"--fail-on", "smoke>0.5"});
  CHECK(malformed.exit_code == 2);
  CHECK(json::parse(s.http_get("/stats"))["total"] == 0);
  // Spaces around '<' are fine: the run goes ahead (and the gate then fails, exit 1, because
  // free-text answers are unscored and an unscored suite never passes a gate).
  const auto spaced = run({"--fail-on", "smoke < 0"});
  CHECK(spaced.exit_code == 1);
  CHECK(spaced.err.find("unscored") != std::string::npos);
}

TEST_CASE("range messages are short, unknown commands are named, --help shows defaults") {
  const auto zero = ds::test::run_distillscope({"run", "--model", "openai:x", "--samples", "0"});
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("--samples: 0 is out of range: must be an integer from 1 to 100000") != std::string::npos);
  CHECK(zero.err.size() < 300);

  const auto unknown = ds::test::run_distillscope({"frobnicate", "--db", "x.db"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(unknown.err.find("run, serve") != std::string::npos);

  const auto help = ds::test::run_distillscope({"run", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--concurrency") != std::string::npos);
  CHECK(help.out.find("--concurrency INT=64") != std::string::npos);
  CHECK(help.out.find("--stream") != std::string::npos);
}

TEST_CASE("a base URL without http(s):// is exit 2, not a model name") {
  const auto r = ds::test::run_distillscope({"run", "--model", "openai:x@127.0.0.1:18931/v1", "--no-progress"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("must start with http:// or https://") != std::string::npos);
}
