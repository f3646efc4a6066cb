#pragma once
// Lineage labels (data/*/lineage.json) read into who is a student, a negative or a relative
// of a reference (see validation.hpp for the rules).
#include <map>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct ModelLabel {
  std::string kind, family, parent, same_model_as;
  std::vector<std::string> teachers;  // "teacher": "a, b" -> {a, b}
};

// InputError naming the model or field when malformed.
std::map<std::string, ModelLabel> read_lineage_labels(const json& labels);

struct ReferenceRoles {
  std::vector<std::string> positives, negatives;
  // relation (same-model | fine-tune | version | sibling) -> models
  std::map<std::string, std::vector<std::string>> related;
};

// Roles of the stored models (`present`) relative to teacher `teacher` whose stored members
// are `members` (the teacher itself, or its versions).
ReferenceRoles reference_roles(const std::map<std::string, ModelLabel>& labels, const std::string& teacher,
                               const std::vector<std::string>& members, const std::vector<std::string>& present);

}  // namespace ds::scorers::lineage
