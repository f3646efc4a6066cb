#include "tasks/suite_validator.hpp"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "harness/core/errors.hpp"
#include "tasks/python_check.hpp"
#include "tasks/fraction.hpp"
#include "tasks/suite.hpp"

namespace ds {

namespace fs = std::filesystem;

std::string SuiteProblem::str() const {
  const std::string where = line ? fmt::format("{}:{}", file, line) : file;
  return field.empty() ? fmt::format("{}: {}", where, message)
                       : fmt::format("{}: {}: {}", where, field, message);
}

bool is_known_suite_kind(std::string_view suite) {
  return suite == "math" || suite == "math-generated" || suite == "coding" || suite == "creativity" ||
         suite == "philosophy" || suite == "probes";
}

size_t minimum_items(std::string_view suite) {
  if (suite == "math") return 200;
  if (suite == "coding") return 100;
  if (suite == "creativity" || suite == "philosophy") return 60;
  if (suite == "probes") return 40;
  return 0;
}

namespace {

using Problems = std::vector<FieldProblem>;

bool non_empty_string(const json& item, const char* field) {
  return item.contains(field) && item[field].is_string() && !item[field].get<std::string>().empty();
}

void require_string(const json& item, const char* field, Problems& out, const std::string& why = "") {
  if (!non_empty_string(item, field))
    out.push_back({field, "missing or not a non-empty string" + (why.empty() ? "" : "; " + why)});
}

bool positive_int(const json& v) { return v.is_number_integer() && v.get<int64_t>() > 0; }

// The text the model sees last: `prompt`, or the last user message.
std::string last_user_text(const json& item) {
  if (item.contains("prompt") && item["prompt"].is_string()) return item["prompt"].get<std::string>();
  if (item.contains("messages") && item["messages"].is_array() && !item["messages"].empty()) {
    const json& last = item["messages"].back();
    if (last.is_object() && last.contains("content") && last["content"].is_string())
      return last["content"].get<std::string>();
  }
  return "";
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

bool letters_only(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

void check_math(const json& item, Problems& out) {
  require_string(item, "topic", out, "e.g. \"algebra\"");
  if (!non_empty_string(item, "answer")) {
    out.push_back({"answer", "missing or not a string; write the exact answer as a string (\"12\", \"3/4\", \"2.5\")"});
  } else if (!parse_exact_number(item["answer"].get<std::string>())) {
    out.push_back({"answer", fmt::format("'{}' is not an integer, fraction p/q or decimal",
                                         item["answer"].get<std::string>())});
  }
  if (last_user_text(item).find("Answer:") == std::string::npos)
    out.push_back({"prompt", "must ask the model to end with \"Answer: <value>\""});
}

void check_coding(const json& item, Problems& out) {
  if (!non_empty_string(item, "entry_point") || !is_identifier(item["entry_point"].get<std::string>())) {
    out.push_back({"entry_point", "missing or not a Python identifier"});
    return;
  }
  const std::string entry = item["entry_point"].get<std::string>();
  const std::string def = "def " + entry + "(";
  if (last_user_text(item).find(def) == std::string::npos)
    out.push_back({"prompt", fmt::format("must show the signature '{}...)'", def)});
  if (!non_empty_string(item, "tests")) {
    out.push_back({"tests", "missing or not a non-empty string of Python asserts"});
  } else {
    const std::string tests = item["tests"].get<std::string>();
    if (tests.find("assert") == std::string::npos)
      out.push_back({"tests", "contains no assert"});
    if (tests.find(entry + "(") == std::string::npos)
      out.push_back({"tests", fmt::format("never calls the entry point '{}'", entry)});
  }
  if (!non_empty_string(item, "solution"))
    out.push_back({"solution", "missing; a reference implementation proves the tests are right"});
  else if (item["solution"].get<std::string>().find(def) == std::string::npos)
    out.push_back({"solution", fmt::format("does not define '{}'", entry)});
}

void check_string_list(const json& c, const char* key, Problems& out) {
  const std::string field = std::string("constraints.") + key;
  if (!c[key].is_array() || c[key].empty()) {
    out.push_back({field, "must be a non-empty array of words"});
    return;
  }
  for (const auto& w : c[key])
    if (!w.is_string() || w.get<std::string>().empty())
      out.push_back({field, "every entry must be a non-empty string"});
}

void check_constraints(const json& item, Problems& out) {
  if (!item.contains("constraints") || !item["constraints"].is_object() || item["constraints"].empty()) {
    out.push_back({"constraints", "a constrained item needs a non-empty object of constraints"});
    return;
  }
  const json& c = item["constraints"];
  static const std::set<std::string> known = {"min_words", "max_words",     "lines",
                                              "forbidden_letter", "required_words", "forbidden_words",
                                              "rhyme_scheme", "acrostic"};
  for (const auto& [key, value] : c.items()) {
    const std::string field = "constraints." + key;
    if (!known.count(key)) {
      out.push_back({field, "unknown constraint; known: min_words, max_words, lines, forbidden_letter, "
                            "required_words, forbidden_words, rhyme_scheme, acrostic"});
    } else if ((key == "min_words" || key == "max_words" || key == "lines") && !positive_int(value)) {
      out.push_back({field, "must be a positive integer"});
    } else if (key == "forbidden_letter" &&
               (!value.is_string() || value.get<std::string>().size() != 1 ||
                !letters_only(value.get<std::string>()))) {
      out.push_back({field, "must be a single letter"});
    } else if (key == "required_words" || key == "forbidden_words") {
      check_string_list(c, key.c_str(), out);
    } else if ((key == "rhyme_scheme" || key == "acrostic") &&
               (!value.is_string() || !letters_only(value.get<std::string>()))) {
      out.push_back({field, "must be a string of letters"});
    }
  }
  const auto get_int = [&](const char* k) -> int64_t {
    return c.contains(k) && positive_int(c[k]) ? c[k].get<int64_t>() : 0;
  };
  if (get_int("min_words") && get_int("max_words") && get_int("min_words") > get_int("max_words"))
    out.push_back({"constraints.min_words", "is larger than max_words"});
  for (const char* k : {"rhyme_scheme", "acrostic"}) {
    if (!c.contains(k) || !c[k].is_string() || !get_int("lines")) continue;
    if (c[k].get<std::string>().size() != static_cast<size_t>(get_int("lines")))
      out.push_back({std::string("constraints.") + k, "needs one letter per line (its length must equal 'lines')"});
  }
  // A required word that contains the forbidden letter makes the item impossible.
  if (c.contains("forbidden_letter") && c["forbidden_letter"].is_string() && c.contains("required_words") &&
      c["required_words"].is_array()) {
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(
        c["forbidden_letter"].get<std::string>().empty() ? ' ' : c["forbidden_letter"].get<std::string>()[0])));
    for (const auto& w : c["required_words"]) {
      if (!w.is_string()) continue;
      for (char ch : w.get<std::string>())
        if (std::tolower(static_cast<unsigned char>(ch)) == letter)
          out.push_back({"constraints.required_words",
                         fmt::format("'{}' contains the forbidden letter", w.get<std::string>())});
    }
  }
}

void check_creativity(const json& item, Problems& out) {
  static const std::set<std::string> tasks = {"dat", "aut", "constrained", "title", "metaphor"};
  if (!non_empty_string(item, "task") || !tasks.count(item["task"].get<std::string>())) {
    out.push_back({"task", "must be one of dat, aut, constrained, title, metaphor"});
    return;
  }
  const std::string task = item["task"].get<std::string>();
  if (task == "dat" && item.contains("n_words") && !positive_int(item["n_words"]))
    out.push_back({"n_words", "must be a positive integer"});
  if (task == "aut") require_string(item, "object", out, "the everyday object to find uses for");
  if (task == "constrained") check_constraints(item, out);
  if (task == "title" || task == "metaphor") require_string(item, "subject", out);
  if (task == "title" && item.contains("n_titles") && !positive_int(item["n_titles"]))
    out.push_back({"n_titles", "must be a positive integer"});
}

void check_philosophy(const json& item, Problems& out) {
  if (!non_empty_string(item, "kind") ||
      (item["kind"] != "forced" && item["kind"] != "free")) {
    out.push_back({"kind", "must be \"forced\" (choices) or \"free\" (judged with a rubric)"});
    return;
  }
  if (item["kind"] == "free") {
    require_string(item, "rubric", out, "the judge scores free responses with it");
    if (item.contains("choices")) out.push_back({"choices", "a free-response item has no choices"});
    return;
  }
  std::set<std::string> choices;
  if (!item.contains("choices") || !item["choices"].is_array() || item["choices"].size() < 2) {
    out.push_back({"choices", "a forced-choice item needs an array of at least two labels"});
  } else {
    for (const auto& c : item["choices"]) {
      if (!c.is_string() || c.get<std::string>().empty())
        out.push_back({"choices", "every label must be a non-empty string"});
      else if (!choices.insert(c.get<std::string>()).second)
        out.push_back({"choices", fmt::format("label '{}' appears twice", c.get<std::string>())});
    }
  }
  if (last_user_text(item).find("Choice:") == std::string::npos)
    out.push_back({"prompt", "must ask the model to end with \"Choice: <label>\""});
  if (!item.contains("human_distribution")) return;
  const json& dist = item["human_distribution"];
  if (!dist.is_object() || dist.empty()) {
    out.push_back({"human_distribution", "must be a non-empty object label -> proportion"});
    return;
  }
  double sum = 0;
  for (const auto& [label, p] : dist.items()) {
    if (!choices.empty() && !choices.count(label))
      out.push_back({"human_distribution", fmt::format("'{}' is not one of the choices", label)});
    if (!p.is_number() || p.get<double>() < 0 || p.get<double>() > 1)
      out.push_back({"human_distribution", fmt::format("proportion of '{}' must be a number in [0, 1]", label)});
    else
      sum += p.get<double>();
  }
  if (sum > 1.0001)
    out.push_back({"human_distribution", fmt::format("proportions sum to {:.4f}, more than 1", sum)});
  require_string(item, "source", out, "a human distribution must name where it was published");
}

void check_probes(const json& item, Problems& out) {
  static const std::set<std::string> kinds = {"identity", "choice", "cutoff", "refusal"};
  if (!non_empty_string(item, "probe") || !kinds.count(item["probe"].get<std::string>()))
    out.push_back({"probe", "must be one of identity, choice, cutoff, refusal"});
  if (item.contains("choices") && (!item["choices"].is_array() || item["choices"].empty()))
    out.push_back({"choices", "when present, must be a non-empty array"});
}

// Runs each coding item's solution against its tests; one Python process per item.
void run_solution(const json& item, const ValidateOptions& options, SuiteProblem where,
                  SuiteFileReport& report) {
  const std::string program =
      item["solution"].get<std::string>() + "\n\n" + item["tests"].get<std::string>() + "\n";
  const PythonRun run = run_python_program(program, options.python, options.timeout_seconds);
  ++report.solutions_run;
  report.solutions_sandboxed += run.sandboxed;
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
  if (suite == "math" || suite == "math-generated") check_math(item, out);
  else if (suite == "coding") check_coding(item, out);
  else if (suite == "creativity") check_creativity(item, out);
  else if (suite == "philosophy") check_philosophy(item, out);
  else if (suite == "probes") check_probes(item, out);
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
    if (options.run_solutions && suite == "coding" && field_problems.empty())
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
    if (report.items < minimum_items(name))
      report.problems.push_back({path, 0, "items", fmt::format("{} items; the {} suite needs at least {}",
                                                               report.items, name, minimum_items(name))});
    reports.push_back(report);
  }
  return reports;
}

}  // namespace ds
