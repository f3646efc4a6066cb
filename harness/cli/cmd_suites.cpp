// `distillscope suites list|show|validate`: what the built-in suites are, what is in them, and
// whether a suite file is well-formed.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "scorers/coding/python_check.hpp"
#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "tasks/math_generator.hpp"
#include "tasks/suite.hpp"
#include "tasks/suite_validator.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

namespace {

struct ShowOptions {
  std::string name;
  std::string id;
  uint64_t seed = 1;
  size_t count = 200;
};

struct ValidateFlags {
  std::vector<std::string> files;
  bool run_solutions = false;
  std::string python;  // empty: python3 found on PATH under /usr
};

std::string manifest_description(const std::string& name) {
  const std::string path = suites_dir() + "/manifest.json";
  if (!std::filesystem::exists(path)) return "";
  const json manifest = read_json_file(path);
  if (!manifest.contains(name) || !manifest[name].is_object()) return "";
  return manifest[name].value("description", "");
}

void list_suites(bool as_json) {
  json rows = json::array();
  for (const auto& name : builtin_suite_names()) {
    const Suite suite = load_suite(name);
    rows.push_back({{"name", name},
                    {"version", suite.version},
                    {"items", suite.items.size()},
                    {"sha256", suite.sha256},
                    {"path", suite.path},
                    {"description", manifest_description(name)}});
  }
  rows.push_back({{"name", kGeneratedMathSuite},
                  {"version", kGeneratedMathVersion},
                  {"items", nullptr},
                  {"sha256", nullptr},
                  {"path", nullptr},
                  {"description", "fresh math items generated per --seed (200 in a run, fewer with --limit N), scored as math"}});
  if (as_json) {
    std::cout << dump_json(rows, 2) << "\n";
    return;
  }
  std::cout << fmt::format("{:<16} {:<8} {:>6}  {:<12}  {}\n", "SUITE", "VERSION", "ITEMS", "SHA256",
                           "DESCRIPTION");
  for (const auto& r : rows) {
    const bool generated = r["items"].is_null();
    std::cout << fmt::format("{:<16} {:<8} {:>6}  {:<12}  {}\n", r["name"].get<std::string>(),
                             r["version"].get<std::string>(),
                             generated ? std::string("--") : std::to_string(r["items"].get<size_t>()),
                             generated ? std::string("(per seed)") : r["sha256"].get<std::string>().substr(0, 12),
                             r["description"].get<std::string>());
  }
}

void show_suite(const ShowOptions& o) {
  const Suite suite = o.name == kGeneratedMathSuite ? generate_math_suite(o.seed, o.count) : load_suite(o.name);
  if (!o.id.empty()) {
    for (const auto& item : suite.items) {
      if (item.id == o.id) {
        std::cout << dump_json(item.data, 2) << "\n";
        return;
      }
    }
    throw InputError(fmt::format("suite '{}' has no item '{}'; `distillscope suites show {}` lists its items",
                                 o.name, o.id, o.name));
  }
  for (const auto& item : suite.items) std::cout << dump_json(item.data) << "\n";
}

void validate_suites(const ValidateFlags& f) {
  ValidateOptions options;
  options.run_solutions = f.run_solutions;
  options.run_solution = sandboxed_solution_runner(f.python);
  std::vector<SuiteFileReport> reports;
  if (f.files.empty()) {
    reports = validate_builtin_suites(options);
  } else {
    for (const auto& file : f.files) reports.push_back(validate_suite_file(file, options));
  }
  size_t problems = 0, bad_files = 0;
  for (const auto& r : reports) {
    for (const auto& p : r.problems) std::cerr << p.str() << "\n";
    problems += r.problems.size();
    bad_files += !r.ok();
    const std::string solutions =
        r.solutions_run ? fmt::format(", {} reference solutions run against their tests in the "
                                      "bubblewrap sandbox", r.solutions_run)
                        : "";
    std::cout << fmt::format("{:<7} {} ({} items, suite '{}'{})\n", r.ok() ? "ok" : "FAILED", r.file,
                             r.items, r.suite, solutions);
  }
  if (problems)
    throw InputError(fmt::format("{} problem(s) in {} suite file(s); fix the lines listed above", problems,
                                 bad_files));
}

}  // namespace

void register_suites(CLI::App& app) {
  auto* cmd = app.add_subcommand("suites", "List, show and validate task suites");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "Name, version, item count and SHA-256 of each suite");
  auto as_json = std::make_shared<bool>(false);
  list->add_flag("--json", *as_json, "Print a JSON array");
  list->callback([as_json] { list_suites(*as_json); });

  auto* show = cmd->add_subcommand("show", "Print a suite's items as JSONL (or one item with --id)");
  auto show_options = std::make_shared<ShowOptions>();
  show->add_option("name", show_options->name, "Built-in suite, 'math-generated', or a .jsonl path")
      ->required();
  show->add_option("--id", show_options->id, "Print only this item, indented");
  show->add_option("--seed", show_options->seed, "Seed for math-generated")->capture_default_str();
  show->add_option("--count", show_options->count, "Number of items for math-generated")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  show->callback([show_options] { show_suite(*show_options); });

  auto* validate = cmd->add_subcommand(
      "validate", "Check suite files against their schema (default: every built-in suite); exit 2 on problems");
  auto flags = std::make_shared<ValidateFlags>();
  validate->add_option("files", flags->files, "Suite files (.jsonl) to check instead of the built-ins");
  validate->add_flag("--run-solutions", flags->run_solutions,
                     "Also run each coding item's reference solution against its tests with python");
  validate->add_option("--python", flags->python, "Python interpreter for --run-solutions")
      ->capture_default_str();
  validate->callback([flags] { validate_suites(*flags); });
}

}  // namespace ds::harness::cli
