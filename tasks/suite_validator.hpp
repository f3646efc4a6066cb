#pragma once
// Schema checks for suite files: every field each suite kind needs, with `file:line: field: what
// is wrong` messages, and (optionally) proof that each coding item's reference solution passes
// its own tests.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/json.hpp"

namespace ds {

struct SuiteProblem {
  std::string file;
  size_t line = 0;    // 0: the problem concerns the whole file
  std::string field;
  std::string message;
  std::string str() const;  // "file:line: field: message"
};

struct FieldProblem {
  std::string field;
  std::string message;
};

struct ValidateOptions {
  bool run_solutions = false;  // coding: run `solution` + `tests` with python
  std::string python = "/usr/bin/python3";
  int timeout_seconds = 10;
};

struct SuiteFileReport {
  std::string file;
  std::string suite;  // from the items' `suite` field
  size_t items = 0;
  size_t solutions_run = 0;
  size_t solutions_sandboxed = 0;  // of those, run under bubblewrap (the rest: plain subprocess)
  std::vector<SuiteProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Suite kinds with their own schema; any other suite name gets the common checks only.
// "math-generated" is checked as math.
bool is_known_suite_kind(std::string_view suite);

// The minimum item count of a built-in suite (issue 3), 0 for other names.
size_t minimum_items(std::string_view suite);

// Problems of one item's suite-specific fields (the common fields are checked by
// parse_suite_item). Empty when the item is fine.
std::vector<FieldProblem> check_item_fields(const json& item, std::string_view suite);

// Checks every line of a JSONL suite file: JSON syntax, common fields, unique ids, one suite
// per file, suite-specific fields, and with options.run_solutions the coding solutions.
SuiteFileReport validate_suite_file(const std::string& path, const ValidateOptions& options = {});

// Validates the manifest and every built-in suite, including its minimum item count.
std::vector<SuiteFileReport> validate_builtin_suites(const ValidateOptions& options = {});

}  // namespace ds
