// A bounded mutation fuzzer for every parser of outside input (tests/support/fuzz_targets):
// fixed seed and case count, so CI runs the same cases in a few seconds. A crash fails the
// ctest entry; a broken invariant fails the case. libFuzzer runs the same targets when built
// with Clang (fuzz/).
#include <doctest/doctest.h>

#include "tests/support/fuzz_targets.hpp"

using namespace ds::test;

namespace {
constexpr uint64_t kSeed = 20240801;

void fuzz(const char* name, size_t cases) {
  CHECK(run_mutations(fuzz_target(name), kSeed, cases) >= cases);
}
}  // namespace

TEST_CASE("fuzz: JSON") { fuzz("json", 3000); }
TEST_CASE("fuzz: YAML config files") { fuzz("yaml_config", 600); }
TEST_CASE("fuzz: JSON config files") { fuzz("json_config", 600); }
TEST_CASE("fuzz: flag values and model specs") { fuzz("flag_values", 1000); }
TEST_CASE("fuzz: model text through the math, choice, probe and judge readers") { fuzz("model_text", 600); }
TEST_CASE("fuzz: UTF-8 repair, cuts and key redaction") { fuzz("utf8", 2000); }
TEST_CASE("fuzz: requests to serve") { fuzz("server_requests", 2000); }
TEST_CASE("fuzz: endpoint replies") { fuzz("endpoint_replies", 2000); }
TEST_CASE("fuzz: import records and suite items") { fuzz("import_and_suite_lines", 2000); }
TEST_CASE("fuzz: streamed replies, event by event") { fuzz("stream_events", 1500); }
TEST_CASE("fuzz: Inspect .eval archive members") { fuzz("archive_members", 400); }
