#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;
using ds::test::run_distillscope;

TEST_CASE("suites list shows every built-in suite with version, count and hash") {
  const auto r = run_distillscope({"suites", "list", "--json"});
  REQUIRE(r.exit_code == 0);
  const json rows = json::parse(r.out);
  std::map<std::string, json> by_name;
  for (const auto& row : rows) by_name[row["name"]] = row;
  for (const char* name : {"math", "coding", "creativity", "philosophy", "probes"}) {
    REQUIRE_MESSAGE(by_name.count(name), name);
    // The manifest's version (probes is 1.1.0 since the active battery).
    CHECK(by_name[name]["version"] == (std::string(name) == "probes" ? "1.1.0" : "1.0.0"));
    CHECK(by_name[name]["items"].get<int>() > 0);
    CHECK(by_name[name]["sha256"].get<std::string>().size() == 64);
  }
  CHECK(by_name.count("math-generated"));
  const auto table = run_distillscope({"suites", "list"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find(by_name["math"]["sha256"].get<std::string>().substr(0, 12)) != std::string::npos);
}

TEST_CASE("suites show prints items, one item by id, and generated items by seed") {
  const auto one = run_distillscope({"suites", "show", "math", "--id", "math-0001"});
  REQUIRE(one.exit_code == 0);
  CHECK(json::parse(one.out)["id"] == "math-0001");
  const auto all = run_distillscope({"suites", "show", "probes"});
  CHECK(all.exit_code == 0);
  CHECK(std::count(all.out.begin(), all.out.end(), '\n') >= 40);
  const auto gen1 = run_distillscope({"suites", "show", "math-generated", "--seed", "5", "--count", "3"});
  const auto gen2 = run_distillscope({"suites", "show", "math-generated", "--seed", "5", "--count", "3"});
  CHECK(gen1.exit_code == 0);
  CHECK(gen1.out == gen2.out);
  CHECK(gen1.out.find("math-gen-5-0003") != std::string::npos);
  const auto missing = run_distillscope({"suites", "show", "math", "--id", "nope"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no item 'nope'") != std::string::npos);
}

TEST_CASE("suites validate exits 2 with file:line problems for a bad file") {
  ds::test::TempDir dir;
  const std::string bad = dir.file("bad.jsonl");
  std::ofstream(bad) << R"({"id":"m1","suite":"math","topic":"algebra","prompt":"End with Answer: <value>","answer":"1"})"
                     << "\n"
                     << R"({"id":"m2","suite":"math","topic":"algebra","prompt":"End with Answer: <value>","answer":"x/2"})"
                     << "\n";
  const auto r = run_distillscope({"suites", "validate", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bad + ":2: answer: 'x/2' is not an integer") != std::string::npos);
  const std::string good = dir.file("good.jsonl");
  std::ofstream(good) << R"({"id":"m1","suite":"math","topic":"algebra","prompt":"End with Answer: <value>","answer":"1"})"
                      << "\n";
  const auto ok = run_distillscope({"suites", "validate", good});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ok") != std::string::npos);
  CHECK(run_distillscope({"suites", "validate"}).exit_code == 0);
}

TEST_CASE("suites validate --run-solutions without bubblewrap exits 2 and runs nothing") {
  ds::test::TempDir dir;
  const std::string marker = dir.file("solution-ran");
  const json item = {{"id", "c1"},
                     {"suite", "coding"},
                     {"entry_point", "add"},
                     {"prompt", "Implement:\n```python\ndef add(a, b):\n```"},
                     {"tests", "assert add(1, 2) == 3\n"},
                     {"solution", "open('" + marker + "', 'w').write('ran unsandboxed')\n"
                                  "def add(a, b):\n    return a + b\n"}};
  const std::string file = dir.file("c.jsonl");
  std::ofstream(file) << item.dump() << "\n";
  setenv("DISTILLSCOPE_BWRAP", "/nonexistent/bwrap", 1);
  const auto r = run_distillscope({"suites", "validate", "--run-solutions", file});
  unsetenv("DISTILLSCOPE_BWRAP");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("only inside the bubblewrap sandbox") != std::string::npos);
  CHECK(r.err.find("apt-get install bubblewrap") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(marker));
}
