// An API key lives only in the environment and memory: after a run (with errors, retries,
// a JSONL stream, a cache and reports) it appears in no file and no output.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/integration/run_helpers.hpp"

using namespace ds::test;

namespace {
std::string slurp_binary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("the API key is written nowhere") {
  const std::string secret = "sk-distillscope-test-4f1c9a7e2b";
  setenv("OPENAI_API_KEY", secret.c_str(), 1);
  setenv("ANTHROPIC_API_KEY", secret.c_str(), 1);
  TempDir dir;
  const std::string suite = write_small_suite(dir, 20);
  ServeProcess server({"--simulate", "--error-rate", "0.3", "--fault-seed", "3"});
  const auto run = run_distillscope(
      {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--model",
       "anthropic:sim-student@" + server.base_url(), "--suite", suite, "--db", dir.file("r.db"),
       "--cache", dir.file("cache.db"), "--jsonl", dir.file("out.jsonl"), "--max-retries", "8"});
  const auto report = run_distillscope({"report", "--db", dir.file("r.db"), "--format", "json"});
  const auto bad_model = run_distillscope({"run", "--model", "openai:missing@" + server.base_url(),
                                           "--suite", suite, "--db", dir.file("r.db"), "--max-retries", "0"});
  unsetenv("OPENAI_API_KEY");
  unsetenv("ANTHROPIC_API_KEY");
  CHECK(run.exit_code == 0);
  CHECK(bad_model.exit_code == 2);  // the pre-flight check finds no model 'missing' (404)
  for (const auto& output : {run.out, run.err, report.out, report.err, bad_model.out, bad_model.err})
    CHECK(output.find(secret) == std::string::npos);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    INFO(entry.path().string());
    CHECK(slurp_binary(entry.path().string()).find(secret) == std::string::npos);
    ++files;
  }
  CHECK(files >= 4);  // store (+ WAL), cache, JSONL, suite
}
