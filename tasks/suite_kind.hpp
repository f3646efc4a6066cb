#pragma once
// The suite kinds: how an item is checked, scored and simulated is decided by its kind, never by
// comparing suite names. A built-in suite's kind comes from the manifest; any item may name its
// kind in a "kind" field (so `math-generated`, or a user's own suite of kind "math", is scored
// like math), and an item of a generic kind names its scorer the same way (exact, regex,
// contains, choice). The scorers and the simulator keep their own tables keyed by SuiteKind.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "tasks/item_checks.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

enum class SuiteKind { math, coding, creativity, philosophy, probes, exact, regex, contains, choice };

struct SuiteKindInfo {
  SuiteKind kind;
  std::string_view name;
  std::string_view needs;  // the item fields the kind reads, for messages and `suites list`
  void (*check_fields)(const json& item, Problems& out);
  bool runs_code = false;  // items carry code the coding sandbox runs
};

const std::vector<SuiteKindInfo>& suite_kinds();
const SuiteKindInfo& suite_kind_info(SuiteKind kind);
std::optional<SuiteKind> suite_kind_named(std::string_view name);

// The kind of an item of suite `suite`: the item's own "kind" field when it names a kind, else
// the kind the manifest gives the suite, else the suite's name when it names a kind. nullopt:
// none applies (such items are stored but "unscored").
std::optional<SuiteKind> resolve_suite_kind(std::string_view suite, const json& item);

// "math, coding, ..., choice": for messages that tell the user what to write.
std::string suite_kind_names();

}  // namespace ds::tasks
