#include "tasks/suite_kind.hpp"

#include <stdexcept>

#include "tasks/suite.hpp"

namespace ds::tasks {

const std::vector<SuiteKindInfo>& suite_kinds() {
  static const std::vector<SuiteKindInfo> kinds = {
      {SuiteKind::math, "math", "answer (exact integer, fraction or decimal)", check_math},
      {SuiteKind::coding, "coding", "entry_point, tests (Python asserts), solution", check_coding,
       true},
      {SuiteKind::creativity, "creativity", "task (dat, aut, constrained, title, metaphor)",
       check_creativity},
      {SuiteKind::philosophy, "philosophy", "kind (forced or free), choices", check_philosophy},
      {SuiteKind::probes, "probes", "probe (identity, choice, cutoff, refusal)", check_probes},
      {SuiteKind::exact, "exact", "answer (the exact expected final answer)", check_exact},
      {SuiteKind::regex, "regex", "pattern (a regular expression the answer must match)",
       check_regex},
      {SuiteKind::contains, "contains", "contains (a string or strings the answer must contain)",
       check_contains},
      {SuiteKind::choice, "choice", "choices, answer (the correct label)", check_choice},
  };
  return kinds;
}

const SuiteKindInfo& suite_kind_info(SuiteKind kind) {
  for (const auto& info : suite_kinds())
    if (info.kind == kind) return info;
  throw std::logic_error("suite kind missing from the registry");
}

std::optional<SuiteKind> suite_kind_named(std::string_view name) {
  for (const auto& info : suite_kinds())
    if (info.name == name) return info.kind;
  return std::nullopt;
}

std::optional<SuiteKind> resolve_suite_kind(std::string_view suite, const json& item) {
  if (item.is_object() && item.contains("kind") && item["kind"].is_string())
    if (auto kind = suite_kind_named(item["kind"].get<std::string>())) return kind;
  if (auto kind = manifest_suite_kind(std::string(suite))) return kind;
  return suite_kind_named(suite);
}

std::string suite_kind_names() {
  std::string names;
  for (const auto& info : suite_kinds()) names += (names.empty() ? "" : ", ") + std::string(info.name);
  return names;
}

}  // namespace ds::tasks
