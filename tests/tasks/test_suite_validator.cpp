#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "scorers/coding/python_check.hpp"
#include "tasks/suite_kind.hpp"
#include "tasks/suite_validator.hpp"
#include "tests/support/process.hpp"

using namespace ds::tasks;

namespace {

std::string write_lines(const ds::test::TempDir& dir, const std::string& name, const std::vector<json>& items) {
  const std::string path = dir.file(name);
  std::ofstream out(path);
  for (const auto& item : items) out << item.dump() << "\n";
  return path;
}

// All problem messages of a report, one per line, for substring checks.
std::string messages(const SuiteFileReport& report) {
  std::string all;
  for (const auto& p : report.problems) all += p.str() + "\n";
  return all;
}

json math_item(const std::string& id, const std::string& answer) {
  return {{"id", id}, {"suite", "math"}, {"topic", "algebra"}, {"prompt", "2+2? End with \"Answer: <value>\"."},
          {"answer", answer}};
}

json coding_item(const std::string& solution, const std::string& tests) {
  return {{"id", "c1"},
          {"suite", "coding"},
          {"entry_point", "add"},
          {"prompt", "```python\ndef add(a, b):\n    \"\"\"Sum.\"\"\"\n```"},
          {"tests", tests},
          {"solution", solution}};
}

}  // namespace

TEST_CASE("a well-formed math file has no problems") {
  ds::test::TempDir dir;
  const auto report = validate_suite_file(
      write_lines(dir, "m.jsonl", {math_item("m1", "4"), math_item("m2", "-3/4"), math_item("m3", "2.5")}));
  CHECK_MESSAGE(report.ok(), messages(report));
  CHECK(report.items == 3);
  CHECK(report.suite == "math");
}

TEST_CASE("math problems name file:line and the field") {
  ds::test::TempDir dir;
  json no_topic = math_item("m3", "1");
  no_topic.erase("topic");
  json bad_prompt = math_item("m4", "1");
  bad_prompt["prompt"] = "What is 1?";
  json numeric_answer = math_item("m5", "1");
  numeric_answer["answer"] = 1;
  const std::string path = write_lines(
      dir, "m.jsonl", {math_item("m1", "four"), math_item("m1", "4"), no_topic, bad_prompt, numeric_answer});
  const auto report = validate_suite_file(path);
  const std::string all = messages(report);
  CHECK(all.find(path + ":1: answer: 'four' is not an integer") != std::string::npos);
  CHECK(all.find(path + ":2: id: duplicate item id 'm1'") != std::string::npos);
  CHECK(all.find(path + ":3: topic:") != std::string::npos);
  CHECK(all.find(path + ":4: prompt: must ask the model to end with \"Answer: <value>\"") != std::string::npos);
  CHECK(all.find(path + ":5: answer: missing or not a string") != std::string::npos);
  CHECK(report.problems.size() == 5);
}

TEST_CASE("syntax errors and missing common fields are reported per line, and checking goes on") {
  ds::test::TempDir dir;
  const std::string path = dir.file("s.jsonl");
  std::ofstream(path) << "{not json\n"
                      << R"({"id":"a","suite":"math"})" << "\n"
                      << math_item("ok", "1").dump() << "\n"
                      << R"({"id":"b","suite":"probes","prompt":"x","probe":"identity"})" << "\n";
  const auto report = validate_suite_file(path);
  const std::string all = messages(report);
  CHECK(all.find(path + ":1: not valid JSON") != std::string::npos);
  CHECK(all.find(path + ":2: item 'a' needs 'prompt' or 'messages'") != std::string::npos);
  CHECK(all.find(path + ":4: suite: 'probes' differs from the file's suite 'math'") != std::string::npos);
  CHECK(report.items == 2);
}

TEST_CASE("coding fields are checked, and --run-solutions proves the tests") {
  ds::test::TempDir dir;
  const std::string good = "def add(a, b):\n    return a + b\n";
  const std::string tests = "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n";
  SUBCASE("schema") {
    json no_call = coding_item(good, "assert True\n");
    json bad_entry = coding_item(good, tests);
    bad_entry["entry_point"] = "1add";
    json no_solution = coding_item(good, tests);
    no_solution.erase("solution");
    const std::string path = write_lines(dir, "c.jsonl", {no_call, bad_entry, no_solution});
    const std::string all = messages(validate_suite_file(path));
    CHECK(all.find(path + ":1: tests: never calls the entry point 'add'") != std::string::npos);
    CHECK(all.find(path + ":2: entry_point: missing or not a Python identifier") != std::string::npos);
    CHECK(all.find(path + ":3: solution: missing") != std::string::npos);
  }
  SUBCASE("solutions run") {
    json wrong = coding_item("def add(a, b):\n    return a - b\n", tests);
    wrong["id"] = "c2";
    json loops = coding_item("def add(a, b):\n    while True:\n        pass\n", tests);
    loops["id"] = "c3";
    const std::string path = write_lines(dir, "c.jsonl", {coding_item(good, tests), wrong, loops});
    ValidateOptions options;
    options.run_solutions = true;
    options.run_solution = ds::scorers::sandboxed_solution_runner();
    options.timeout_seconds = 2;
    const auto report = validate_suite_file(path, options);
    const std::string all = messages(report);
    CHECK(report.solutions_run == 3);
    CHECK(report.problems.size() == 2);
    CHECK(all.find(path + ":2: solution: fails its tests (AssertionError)") != std::string::npos);
    CHECK(all.find(path + ":3: solution: timed out after 2 s") != std::string::npos);
  }
}

TEST_CASE("creativity constraints must be known and consistent") {
  const auto fields = [](const json& item) {
    std::string all;
    for (const auto& p : check_item_fields(item, "creativity")) all += p.field + ": " + p.message + "\n";
    return all;
  };
  json base = {{"id", "x"}, {"suite", "creativity"}, {"prompt", "write"}};
  json item = base;
  item["task"] = "constrained";
  item["constraints"] = {{"max_words", 10}, {"min_words", 20}, {"forbidden_letter", "e"},
                         {"required_words", {"tree"}}, {"rhyme_scheme", "AABB"}, {"lines", 3},
                         {"syllables", 5}};
  const std::string all = fields(item);
  CHECK(all.find("constraints.min_words: is larger than max_words") != std::string::npos);
  CHECK(all.find("constraints.required_words: 'tree' contains the forbidden letter") != std::string::npos);
  CHECK(all.find("constraints.rhyme_scheme: needs one letter per line") != std::string::npos);
  CHECK(all.find("constraints.syllables: unknown constraint") != std::string::npos);
  item["constraints"] = {{"forbidden_letter", "ab"}, {"lines", 0}};
  CHECK(fields(item).find("constraints.forbidden_letter: must be a single letter") != std::string::npos);
  CHECK(fields(item).find("constraints.lines: must be a positive integer") != std::string::npos);
  item = base;
  item["task"] = "aut";
  CHECK(fields(item).find("object:") != std::string::npos);
  item["task"] = "poem";
  CHECK(fields(item).find("task: must be one of") != std::string::npos);
  item = base;
  item["task"] = "constrained";
  item["constraints"] = {{"lines", 4}, {"rhyme_scheme", "ABAB"}, {"acrostic", "TREE"}, {"max_words", 40},
                         {"forbidden_words", {"green"}}};
  CHECK(fields(item).empty());
  item["about_words"] = {"tree", 3};
  CHECK(fields(item).find("about_words: every entry must be a non-empty string") != std::string::npos);
  item = base;
  item["task"] = "aut";
  item["object"] = "brick";
  item["common_uses"] = json::array();
  item["object_noun"] = "";
  CHECK(fields(item).find("common_uses: must be a non-empty array of words") != std::string::npos);
  CHECK(fields(item).find("object_noun: must be the object's WordNet noun") != std::string::npos);
}

TEST_CASE("philosophy distributions must fit the choices and cite a source") {
  const auto fields = [](const json& item) {
    std::string all;
    for (const auto& p : check_item_fields(item, "philosophy")) all += p.field + ": " + p.message + "\n";
    return all;
  };
  json item = {{"id", "p"}, {"suite", "philosophy"}, {"kind", "forced"},
               {"prompt", "Pull? End with \"Choice: <label>\"."}, {"choices", {"switch", "don't switch"}},
               {"human_distribution", {{"switch", 0.63}, {"don't switch", 0.13}}},
               {"source", "PhilPapers Survey 2020"}};
  CHECK(fields(item).empty());
  item["human_distribution"] = {{"switch", 0.9}, {"don't switch", 0.2}, {"pull", 0.0}};
  item.erase("source");
  const std::string all = fields(item);
  CHECK(all.find("human_distribution: proportions sum to 1.1000, more than 1") != std::string::npos);
  CHECK(all.find("human_distribution: 'pull' is not one of the choices") != std::string::npos);
  CHECK(all.find("source:") != std::string::npos);
  item = {{"id", "p"}, {"suite", "philosophy"}, {"kind", "forced"}, {"prompt", "Pull?"}, {"choices", {"a"}}};
  CHECK(fields(item).find("choices: a forced-choice item needs an array of at least two labels") != std::string::npos);
  CHECK(fields(item).find("prompt: must ask the model to end with \"Choice: <label>\"") != std::string::npos);
  item = {{"id", "p"}, {"suite", "philosophy"}, {"kind", "free"}, {"prompt", "Why?"}};
  CHECK(fields(item).find("rubric:") != std::string::npos);
}

TEST_CASE("probe kinds are checked; unknown suites get only the common checks") {
  json probe = {{"id", "q"}, {"suite", "probes"}, {"prompt", "Who made you?"}, {"probe", "identity"}};
  CHECK(check_item_fields(probe, "probes").empty());
  probe["probe"] = "who";
  REQUIRE(check_item_fields(probe, "probes").size() == 1);
  CHECK(check_item_fields(probe, "probes")[0].field == "probe");
  CHECK(check_item_fields(probe, "my-own-suite").empty());
  CHECK_FALSE(resolve_suite_kind("my-own-suite", probe));
}

TEST_CASE("a field nested 200,000 deep or holding 1e999 is a problem on its line, not a crash") {
  ds::test::TempDir dir;
  const std::string path = dir.file("s.jsonl");
  std::ofstream(path) << R"({"id":"a","suite":"math","prompt":"x","answer":"1","deep":)"
                      << std::string(200'000, '[') << std::string(200'000, ']') << "}\n"
                      << R"({"id":"b","suite":"math","prompt":"x","answer":"1","n":1e999})" << "\n"
                      << math_item("ok", "1").dump() << "\n";
  const auto report = validate_suite_file(path);
  const std::string all = messages(report);
  CHECK(all.find(path + ":1: not valid JSON: nested deeper than 32 levels") != std::string::npos);
  CHECK(all.find(path + ":2: not valid JSON: field 'n': number 1e999 is out of range") != std::string::npos);
  CHECK(report.items == 1);
}
