#pragma once
// Schema checks for suite files: every field each suite kind needs, with `file:line: field: what
// is wrong` messages, and (optionally) proof that each coding item's reference solution passes
// its own tests.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "tasks/item_checks.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

struct SuiteProblem {
  std::string file;
  size_t line = 0;    // 0: the problem concerns the whole file
  std::string field;
  std::string message;
  std::string str() const;  // "file:line: field: message"
};


// A coding item's reference solution run against its tests.
struct SolutionRun {
  bool passed = false;  // exit status 0 within the time limit
  bool timed_out = false;
  std::string output;   // stdout, then stderr
};

// Runs a Python program (solution + tests). tasks/ never runs code itself: the caller hands in
// the coding scorer's sandboxed runner (scorers/coding/python_check.hpp), which has no
// unsandboxed fallback and throws InputError when no sandbox is usable.
using SolutionRunner = std::function<SolutionRun(const std::string& program, int timeout_seconds)>;

struct ValidateOptions {
  bool run_solutions = false;  // coding: run `solution` + `tests` with run_solution
  SolutionRunner run_solution;
  int timeout_seconds = 10;
};

struct SuiteFileReport {
  std::string file;
  std::string suite;  // from the items' `suite` field
  size_t items = 0;
  size_t solutions_run = 0;  // every one in the bubblewrap sandbox
  std::vector<SuiteProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Problems of one item's suite-specific fields (the common fields are checked by
// parse_suite_item). Empty when the item is fine.
std::vector<FieldProblem> check_item_fields(const json& item, std::string_view suite);

// Checks every line of a JSONL suite file: JSON syntax, common fields, unique ids, one suite
// per file, suite-specific fields, and with options.run_solutions the coding solutions.
SuiteFileReport validate_suite_file(const std::string& path, const ValidateOptions& options = {});

// Validates the manifest and every built-in suite, including its minimum item count.
std::vector<SuiteFileReport> validate_builtin_suites(const ValidateOptions& options = {});

}  // namespace ds::tasks
