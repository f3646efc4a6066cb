// Bad numbers and hostile YAML in `run` configs and flags: exit 2 with the file, line and
// field (or the flag), a human-sized message, nothing run; the next run on the store works.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include "tests/integration/run_helpers.hpp"

using namespace ds::test;

namespace {
std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("bad config values and flags exit 2 naming where; then the store still works") {
  TempDir dir;
  ServeProcess server({"--simulate"});
  const std::string suite = write_small_suite(dir, 2);
  const std::vector<std::string> base = {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--suite",
                                         suite, "--db", dir.file("r.db"), "--no-progress"};
  struct Case {
    std::string file, text;               // a config file, or none
    std::vector<std::string> flags;
    std::string expect;                   // the whole first line of the error, or a part
  };
  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char p = static_cast<char>(c - 1);
    laughs += std::string(1, c) + ": &" + c + " [*" + p + ", *" + p + ", *" + p + ", *" + p + ", *" + p + "]\n";
  }
  const std::vector<Case> cases = {
      {"a.yaml", "samples: 3000000000\n", {}, "a.yaml:1: field 'samples': 3000000000 is out of range: must be an integer from 1 to 100000"},
      {"b.yaml", "# x\nconcurrency: 4294967297\n", {}, "b.yaml:2: field 'concurrency': 4294967297 is out of range"},
      {"c.json", "{\n\"max_tokens\": 3000000000\n}", {}, "c.json:2: field 'max_tokens': 3000000000 is out of range"},
      {"d.json", "{\"samples\": 2,\n \"timeout\": 1e999}", {}, "d.json:2: not valid JSON: field 'timeout': number 1e999 is out of range"},
      {"e.yaml", "timeout: 1e999\n", {}, "e.yaml:1: field 'timeout': the number 1e999 is out of range"},
      {"f.yaml", "models: &m [*m]\n", {}, "f.yaml:1: field 'models': YAML aliases"},
      {"g.yaml", laughs, {}, "g.yaml:2: field 'b': YAML aliases"},
      {"h.yaml", "samples: 1\n[a, b]: 2\n", {}, "h.yaml:2: a key must be a plain value"},
      {"", "", {"--timeout", "1e17"}, "--timeout: 1e+17 is out of range: must be a number from 0.001 to 86400"},
      {"", "", {"--timeout", "1e999"}, "--timeout: '1e999' is out of range"},
      {"", "", {"--samples", "3000000000"}, "--samples: 3000000000 is out of range"},
      {"", "", {"--top-p", "1.5"}, "--top-p: 1.5 is out of range: must be a number from 0 to 1"},
      {"", "", {"--max-response-bytes", "10"}, "--max-response-bytes: 10 is out of range"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = base;
    if (!c.file.empty()) {
      args.push_back("--config");
      args.push_back(write(dir, c.file, c.text));
    }
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_distillscope(args);
    CAPTURE(c.expect);
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.expect) != std::string::npos);
    CHECK(r.err.size() < 600);  // human-sized
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  }
  CHECK(row_count(dir.file("r.db")) == 0);  // nothing was run
  const auto ok = run_distillscope(base);
  CHECK(ok.exit_code == 0);
  CHECK(row_count(dir.file("r.db")) == 2);
}

TEST_CASE("run --help shows each option's default and range") {
  const auto help = run_distillscope({"run", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("-n,--samples INT=1") != std::string::npos);
  CHECK(help.out.find("--timeout NUMBER=120") != std::string::npos);
  CHECK(help.out.find("max_tokens") != std::string::npos);
  CHECK(help.out.find("integer 1..10000000") != std::string::npos);
}
