#pragma once
// The field checks of each suite kind: what an item of that kind must carry beyond the common
// fields (id, suite, prompt or messages) that parse_suite_item checks.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

struct FieldProblem {
  std::string field;
  std::string message;
};

using Problems = std::vector<FieldProblem>;

void check_math(const json& item, Problems& out);
void check_coding(const json& item, Problems& out);
void check_creativity(const json& item, Problems& out);
void check_philosophy(const json& item, Problems& out);
void check_probes(const json& item, Problems& out);
void check_exact(const json& item, Problems& out);
void check_regex(const json& item, Problems& out);
void check_contains(const json& item, Problems& out);
void check_choice(const json& item, Problems& out);

}  // namespace ds::tasks
