// Hostile model answers and a hostile endpoint through the real `run` path: every answer that
// crashed a run before (std::regex on 30,000 digits or 100,000 spaces, a 100,000-character
// Choice line, a probe answer of whitespace, a 200-byte cut inside a character, a key echoed
// without its prefix, a 100,000-deep logprobs array) is now scored or "unscored" with its
// reason, the run exits normally, the key is nowhere, and the next run on the store works.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/secrets.hpp"
#include "core/utf8.hpp"
#include "tests/integration/run_helpers.hpp"
#include "tests/support/scripted_endpoint.hpp"
#include "core/json_bounded.hpp"

using namespace ds::harness;
using namespace ds::test;

namespace {

const std::string kKey = "sk-ant-api03-hostile-K3y-9f8e7d6c5b4a";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The prompt of each item says which attack its answer is.
ScriptedReply hostile_answer(const std::string& prompt) {
  if (prompt == "digits") return {200, completion_body("Answer: " + std::string(30'000, '7'))};
  if (prompt == "spaces") return {200, completion_body(std::string(100'000, ' '))};
  if (prompt == "cut") return {200, completion_body("Answer: 5 " + std::string(196, 'x') + "\xe2\x82\xac\xe2\x82\xac")};
  if (prompt == "choice") return {200, completion_body("Choice: " + std::string(100'000, 'x'))};
  if (prompt == "probe") return {200, completion_body(std::string(100'000, ' ') + "\n \t" + std::string(50'000, ' '))};
  if (prompt == "echo") return {200, completion_body("your key was " + kKey.substr(7) + ", thanks")};
  return {200, completion_body("Answer: 1")};
}

void write_suite(const std::string& path) {
  std::ofstream out(path);
  for (const char* p : {"digits", "spaces", "cut", "echo"})
    out << dump_json({{"id", std::string("m-") + p}, {"suite", "math"}, {"prompt", p}, {"answer", "5"}}) << "\n";
  out << dump_json({{"id", "ph-1"}, {"suite", "philosophy"}, {"kind", "forced"}, {"prompt", "choice"},
                    {"choices", {"switch", "don't switch"}},
                    {"human_distribution", {{"switch", 0.63}, {"don't switch", 0.13}}}})
      << "\n";
  out << dump_json({{"id", "pr-1"}, {"suite", "probes"}, {"probe", "cutoff"}, {"prompt", "probe"}}) << "\n";
}

}  // namespace

TEST_CASE("hostile answers are scored or unscored, never a crash, and the next run works") {
  setenv("OPENAI_API_KEY", kKey.c_str(), 1);
  TempDir dir;
  const std::string suite = dir.file("hostile.jsonl");
  write_suite(suite);
  ScriptedEndpoint endpoint(hostile_answer);
  // A model name that is not UTF-8 must not break any output either.
  const std::vector<std::string> args = {"run", "--model", "openai:bad\xff-name@" + endpoint.base_url(),
                                         "--model", "openai:other@" + endpoint.base_url(), "--suite", suite, "--db", dir.file("r.db"), "--no-progress",
                                         "--jsonl", dir.file("out.jsonl")};
  const auto first = run_distillscope(args);
  INFO(first.err);
  CHECK(first.exit_code == 0);
  const auto second = run_distillscope(args);  // the same store: nothing to ask, nothing crashes
  CHECK(second.exit_code == 0);
  unsetenv("OPENAI_API_KEY");

  Store store(dir.file("r.db"));
  std::map<std::string, StoredScore> by_item;
  std::map<int64_t, std::string> item_of;
  for (const auto& r : store.responses({})) item_of[r.id] = r.item_id;
  std::map<int64_t, std::string> model_of;
  for (const auto& r : store.responses({})) model_of[r.id] = r.model;
  for (auto& s : store.scores())
    if (model_of[s.response_id] == "other") by_item[item_of[s.response_id]] = s;
  REQUIRE(store.scores().size() == 12);  // six items, two models
  CHECK(by_item["m-digits"].value == 0.0);  // read, too long to be a number: wrong, not a crash
  CHECK(by_item["m-spaces"].value == 0.0);
  CHECK(by_item["m-cut"].value == 1.0);
  const std::string raw = by_item["m-cut"].details["raw"];
  CHECK(utf8_valid(raw));
  CHECK(raw.back() == 'x');
  CHECK_FALSE(by_item["ph-1"].value);  // no choice read
  CHECK(by_item["pr-1"].details["unscored"] == "fingerprint probe: recorded for lineage, not graded");
  for (const auto& r : store.responses({})) {
    CHECK((r.model == "bad\xef\xbf\xbd-name" || r.model == "other"));
    if (r.item_id == "m-echo") CHECK(r.text == "your key was [redacted], thanks");
  }
  // Every output of the store works and is valid.
  for (const auto& cmd : std::vector<std::vector<std::string>>{
           {"report", "--db", dir.file("r.db"), "--format", "json"},
           {"report", "--db", dir.file("r.db"), "--format", "junit"},
           {"report", "--db", dir.file("r.db"), "--format", "html"},
           {"lineage", "--db", dir.file("r.db"), "--json"}}) {
    const auto out = run_distillscope(cmd);
    CAPTURE(cmd[0]);
    CAPTURE(out.err);
    CHECK(out.exit_code == 0);
    CHECK(utf8_valid(out.out));
    if (cmd.back() == "json" || cmd.back() == "--json") CHECK(try_parse_json(out.out).ok());
  }
  // No 8-character piece of the key anywhere on disk.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    std::string bytes = slurp(entry.path().string());
    const std::string before = bytes;
    redact_secret(bytes, kKey);
    CAPTURE(entry.path().string());
    CHECK(bytes == before);
  }
}

TEST_CASE("a 100,000-deep logprobs reply is a failed request with the reason; the next run completes") {
  TempDir dir;
  const std::string suite = write_small_suite(dir, 3);
  std::atomic<bool> hostile{true};
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  ScriptedEndpoint endpoint([&](const std::string& prompt) -> ScriptedReply {
    if (!hostile) return {200, completion_body("fine: " + prompt)};
    return {200, R"({"choices":[{"message":{"content":"x"},"logprobs":{"content":)" + deep + "}}]}"};
  });
  const std::vector<std::string> args = {"run", "--model", "openai:m@" + endpoint.base_url(), "--suite", suite,
                                         "--db", dir.file("r.db"), "--no-progress", "--max-retries", "0"};
  const auto first = run_distillscope(args);
  CHECK(first.exit_code == 3);  // incomplete: run it again
  Store store(dir.file("r.db"));
  const auto failed = store.responses({.ok_only = false});
  REQUIRE(failed.size() == 3);
  CHECK(failed[0].error.find("nested deeper than") != std::string::npos);
  hostile = false;
  const auto second = run_distillscope(args);
  CHECK(second.exit_code == 0);
  CHECK(store.responses({}).size() == 3);
}
