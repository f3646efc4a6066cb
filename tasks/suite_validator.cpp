#include "tasks/suite_validator.hpp"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/errors.hpp"
#include "core/rational.hpp"
#include "tasks/suite.hpp"
#include "tasks/suite_kind.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

namespace fs = std::filesystem;

std::string SuiteProblem::str() const {
  const std::string where = line ? fmt::format("{}:{}", file, line) : file;
  return field.empty() ? fmt::format("{}: {}", where, message)
                       : fmt::format("{}: {}: {}", where, field, message);
}

namespace {

// Runs each coding item's solution against its tests; one Python process per item.
void run_solution(const json& item, const ValidateOptions& options, SuiteProblem where,
                  SuiteFileReport& report) {
  const std::string program =
      item["solution"].get<std::string>() + "\n\n" + item["tests"].get<std::string>() + "\n";
  if (!options.run_solution) throw std::logic_error("run_solutions set without a solution runner");
  const SolutionRun run = options.run_solution(program, options.timeout_seconds);
  ++report.solutions_run;
  if (run.passed) return;
  std::string last_line = run.output;
  while (!last_line.empty() && (last_line.back() == '\n' || last_line.back() == ' ')) last_line.pop_back();
  if (const auto nl = last_line.rfind('\n'); nl != std::string::npos) last_line = last_line.substr(nl + 1);
  where.field = "solution";
  where.message = run.timed_out
                      ? fmt::format("timed out after {} s running against its tests", options.timeout_seconds)
                      : fmt::format("fails its tests ({})", last_line.empty() ? "no output" : last_line);
  report.problems.push_back(where);
}

}  // namespace

std::vector<FieldProblem> check_item_fields(const json& item, std::string_view suite) {
  Problems out;
  if (const auto kind = resolve_suite_kind(suite, item)) suite_kind_info(*kind).check_fields(item, out);
  return out;
}

SuiteFileReport validate_suite_file(const std::string& path, const ValidateOptions& options) {
  SuiteFileReport report;
  report.file = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report.problems.push_back({path, 0, "", "cannot open the file"});
    return report;
  }
  std::string line;
  size_t line_number = 0;
  std::set<std::string> ids;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    SuiteProblem where{path, line_number, "", ""};
    json item;
    try {
      item = parse_json_line(line, path, line_number);
      parse_suite_item(item, fmt::format("{}:{}", path, line_number));
    } catch (const InputError& e) {
      // parse_suite_item already names file:line; keep its words after that prefix.
      std::string message = e.what();
      const std::string prefix = fmt::format("{}:{}: ", path, line_number);
      if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
      report.problems.push_back({path, line_number, "", message});
      continue;
    }
    ++report.items;
    const std::string id = item["id"].get<std::string>();
    const std::string suite = item["suite"].get<std::string>();
    if (!ids.insert(id).second)
      report.problems.push_back({path, line_number, "id", fmt::format("duplicate item id '{}'", id)});
    if (report.suite.empty()) {
      report.suite = suite;
    } else if (suite != report.suite) {
      report.problems.push_back({path, line_number, "suite",
                                 fmt::format("'{}' differs from the file's suite '{}'; one suite per file",
                                             suite, report.suite)});
    }
    const auto field_problems = check_item_fields(item, suite);
    for (const auto& p : field_problems)
      report.problems.push_back({path, line_number, p.field, p.message});
    const auto kind = resolve_suite_kind(suite, item);
    if (options.run_solutions && kind && suite_kind_info(*kind).runs_code && field_problems.empty())
      run_solution(item, options, where, report);
  }
  if (report.items == 0 && report.problems.empty())
    report.problems.push_back({path, 0, "", "the suite has no items"});
  return report;
}

std::vector<SuiteFileReport> validate_builtin_suites(const ValidateOptions& options) {
  std::vector<SuiteFileReport> reports;
  const std::string manifest_path = suites_dir() + "/manifest.json";
  const json manifest = read_json_file(manifest_path);
  for (const auto& [name, entry] : manifest.items()) {
    const std::string path = suites_dir() + "/" + name + ".jsonl";
    SuiteFileReport report;
    if (!fs::exists(path)) {
      report.file = path;
      report.problems.push_back({manifest_path, 0, name, "listed in the manifest but " + path + " is missing"});
      reports.push_back(report);
      continue;
    }
    report = validate_suite_file(path, options);
    if (!entry.is_object() || !entry.contains("version") || !entry["version"].is_string())
      report.problems.push_back({manifest_path, 0, name + ".version", "missing or not a string"});
    if (!report.suite.empty() && report.suite != name)
      report.problems.push_back({path, 0, "suite", fmt::format("items say '{}' but the file is the '{}' suite",
                                                               report.suite, name)});
    const size_t min_items = entry.is_object() ? entry.value("min_items", size_t{0}) : 0;
    if (report.items < min_items)
      report.problems.push_back({path, 0, "items", fmt::format("{} items; the {} suite needs at least {}",
                                                               report.items, name, min_items)});
    if (!entry.is_object() || !entry.contains("kind") || !entry["kind"].is_string() ||
        !suite_kind_named(entry["kind"].get<std::string>()))
      report.problems.push_back({manifest_path, 0, name + ".kind",
                                 "missing or not a suite kind (" + suite_kind_names() + ")"});
    reports.push_back(report);
  }
  return reports;
}

}  // namespace ds::tasks
