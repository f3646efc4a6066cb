// The project's own suite data: schema, minimum sizes, the published distributions, and proof
// that every coding item's tests accept the reference solution and reject a stub.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "scorers/coding/python_check.hpp"
#include "tasks/suite.hpp"
#include "tasks/suite_validator.hpp"
#include "tests/support/process.hpp"

using namespace ds::tasks;

TEST_CASE("every built-in suite validates, runs its coding solutions and meets its minimum size") {
  ValidateOptions options;
  options.run_solutions = true;
  options.run_solution = ds::scorers::sandboxed_solution_runner();
  const auto reports = validate_builtin_suites(options);
  REQUIRE(reports.size() == 5);
  for (const auto& r : reports) {
    std::string all;
    for (const auto& p : r.problems) all += p.str() + "\n";
    CHECK_MESSAGE(r.ok(), all);
    if (r.suite == "coding") CHECK(r.solutions_run == r.items);
  }
}

TEST_CASE("the manifest keeps each built-in suite's kind and the issue's minimum sizes") {
  const json manifest = read_json_file(suites_dir() + "/manifest.json");
  const std::map<std::string, size_t> floors = {
      {"math", 200}, {"coding", 100}, {"creativity", 60}, {"philosophy", 60}, {"probes", 40}};
  for (const auto& [name, floor] : floors) {
    CHECK(manifest[name]["min_items"].get<size_t>() >= floor);
    CHECK(manifest_suite_kind(name) == suite_kind_named(name));
  }
}

TEST_CASE("coding tests reject a stub that returns None") {
  // One Python process for all items: each test block runs against a stub in a fresh namespace.
  const Suite suite = load_suite("coding");
  json cases = json::array();
  for (const auto& item : suite.items) {
    const std::string solution = item.data["solution"];
    cases.push_back({{"id", item.id}, {"stub", solution.substr(0, solution.find('\n')) + "\n    return None\n"},
                     {"tests", item.data["tests"]}});
  }
  const std::string program = "import json\ncases = json.loads(" + json(cases.dump()).dump() +
                              ")\n"
                              "accepted = []\n"
                              "for c in cases:\n"
                              "    ns = {}\n"
                              "    try:\n"
                              "        exec(c['stub'] + '\\n' + c['tests'], ns)\n"
                              "        accepted.append(c['id'])\n"
                              "    except BaseException:\n"
                              "        pass\n"
                              "print('accepted:', accepted)\n"
                              "raise SystemExit(1 if accepted else 0)\n";
  const ds::scorers::PythonRun run = ds::scorers::run_python_program(program, "/usr/bin/python3", 30);
  CHECK_MESSAGE(run.passed, run.output);
}

TEST_CASE("philosophy items carry the PhilPapers 2020 figures on every variant") {
  const Suite suite = load_suite("philosophy");
  const std::map<std::string, std::map<std::string, double>> published = {
      {"trolley_switch", {{"switch", 0.63}, {"don't switch", 0.13}}},
      {"trolley_footbridge", {{"push", 0.22}, {"don't push", 0.56}}},
      {"newcomb", {{"two boxes", 0.39}, {"one box", 0.31}}},
      {"experience_machine", {{"enter", 0.13}, {"don't enter", 0.77}}},
      {"teletransporter", {{"survival", 0.35}, {"death", 0.40}}},
      {"free_will", {{"compatibilism", 0.59}, {"libertarianism", 0.19}, {"no free will", 0.11}}},
      {"metaethics", {{"moral realism", 0.62}, {"moral anti-realism", 0.26}}},
      {"mind", {{"physicalism", 0.52}, {"non-physicalism", 0.32}}},
  };
  std::map<std::string, int> variants;
  size_t free_items = 0, forced_without = 0;
  for (const auto& item : suite.items) {
    if (item.data["kind"] == "free") ++free_items;
    if (!item.data.contains("human_distribution")) {
      forced_without += item.data["kind"] == "forced";
      continue;
    }
    const std::string topic = item.data["topic"];
    REQUIRE_MESSAGE(published.count(topic), topic);
    ++variants[topic];
    for (const auto& [label, p] : published.at(topic))
      CHECK(item.data["human_distribution"][label].get<double>() == doctest::Approx(p));
    CHECK(item.data["source"].get<std::string>().find("PhilPapers Survey 2020") != std::string::npos);
  }
  CHECK(variants.size() == published.size());
  for (const auto& [topic, count] : variants) CHECK_MESSAGE(count >= 3, topic);
  CHECK(free_items >= 10);
  CHECK(forced_without >= 10);
}

TEST_CASE("creativity and probes cover every kind") {
  std::map<std::string, int> tasks, probes;
  for (const auto& item : load_suite("creativity").items) ++tasks[item.data["task"].get<std::string>()];
  for (const auto& item : load_suite("probes").items) ++probes[item.data["probe"].get<std::string>()];
  for (const char* kind : {"dat", "aut", "constrained", "title", "metaphor"}) CHECK_MESSAGE(tasks[kind] >= 5, kind);
  for (const char* kind : {"identity", "choice", "cutoff", "refusal"}) CHECK_MESSAGE(probes[kind] >= 5, kind);
}

TEST_CASE("every math answer agrees with an independent recomputation from its prompt") {
  // tasks/tools/check_math.py recomputes each answer by brute force or substitution, a different
  // method than the script that wrote the file.
  std::ifstream in(ds::test::source_dir() + "/tasks/tools/check_math.py");
  REQUIRE(in);
  std::stringstream script;
  script << in.rdbuf();
  std::ifstream data(suites_dir() + "/math.jsonl");
  std::stringstream jsonl;
  jsonl << data.rdbuf();
  // The sandbox cannot read the source tree: the data goes in with the program.
  const std::string program = "MATH_JSONL_TEXT = " + json(jsonl.str()).dump() + "\n" + script.str();
  const ds::scorers::PythonRun run = ds::scorers::run_python_program(program, "/usr/bin/python3", 60);
  CHECK_MESSAGE(run.passed, run.output);
  CHECK(run.output.find(" 0 disagree") != std::string::npos);
}

TEST_CASE("math covers the required topics with exact answers") {
  std::map<std::string, int> topics;
  for (const auto& item : load_suite("math").items) ++topics[item.data["topic"].get<std::string>()];
  for (const char* topic : {"word_problem", "algebra", "number_theory", "combinatorics", "probability"})
    CHECK_MESSAGE(topics[topic] >= 20, topic);
}
