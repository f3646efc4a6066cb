// The public-panel recipe on the MT-bench development set: import the published answers as
// laid out, send the same 160 prompts to one endpoint (80 of them turn 2 with its own turn-1
// answer), and detect against the published models as the panel. Skipped (ctest: skipped)
// when ../shared/data/mtbench is absent.
#include <doctest/doctest.h>

#include "core/json.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using ds::core::json;

TEST_CASE("import MT-bench, run one endpoint on its prompts, detect against the published panel") {
  const std::string dir = ds::test::mtbench_dir();
  if (dir.empty()) {
    ds::test::skip("../shared/data/mtbench is absent; the public-panel recipe needs it");
    return;
  }
  ds::test::TempDir tmp;
  const std::string db = tmp.file("public.db");
  const auto imported = ds::test::run_distillscope({"import", "--format", "mtbench", dir, "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  ds::test::ServeProcess serve({"--simulate"});
  const auto run = ds::test::run_distillscope({"run", "--model", "openai:sim-independent-c@" + serve.base_url(),
                                               "--suite", "mtbench", "--db", db, "--no-cache", "--no-progress"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.find("160 requests planned, 160 answered") != std::string::npos);
  CHECK(run.err.find("80 of the requests were later turns") != std::string::npos);
  const auto detect = ds::test::run_distillscope(
      {"detect", "--reference", "gpt-3.5-turbo", "--candidate", "sim-independent-c", "--db", db, "--json"});
  REQUIRE_MESSAGE(detect.exit_code == 0, detect.err);
  const json out = json::parse(detect.out);
  const json& answered = out["answered"];
  CHECK(answered["panel_imported"].get<size_t>() >= 20);
  CHECK(answered["reference"]["gpt-3.5-turbo"] == 160);
  CHECK(answered["candidates"]["sim-independent-c"]["answered"] == 160);
  CHECK(answered["candidates"]["sim-independent-c"]["shared_with_reference"].get<size_t>() >= 150);
  REQUIRE(out["candidates"].size() == 1);
  CHECK(out["candidates"][0]["panel_size"].get<size_t>() >= 20);
}
