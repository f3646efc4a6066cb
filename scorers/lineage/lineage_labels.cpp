#include "scorers/lineage/lineage_labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/errors.hpp"

namespace ds::scorers::lineage {

namespace {

std::string field(const json& label, const char* name) {
  return label.contains(name) && label[name].is_string() ? label[name].get<std::string>() : "";
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::map<std::string, ModelLabel> read_lineage_labels(const json& labels) {
  if (!labels.is_object() || !labels.contains("models") || !labels["models"].is_object())
    throw InputError("labels: expected an object with a \"models\" map of name -> "
                     "{kind, teacher?, family?, parent?, same_model_as?} (see data/mtbench/lineage.json)");
  std::map<std::string, ModelLabel> out;
  for (auto it = labels["models"].begin(); it != labels["models"].end(); ++it) {
    if (!it.value().is_object() || field(it.value(), "kind").empty())
      throw InputError(fmt::format("labels: model '{}' needs a \"kind\"", it.key()));
    ModelLabel l;
    l.kind = field(it.value(), "kind");
    l.family = field(it.value(), "family");
    l.parent = field(it.value(), "parent");
    l.same_model_as = field(it.value(), "same_model_as");
    l.teachers = split_list(field(it.value(), "teacher"));
    if (l.kind == "fine-tune" && l.parent.empty())
      throw InputError(fmt::format("labels: model '{}' is a fine-tune but names no \"parent\"", it.key()));
    out.emplace(it.key(), std::move(l));
  }
  return out;
}

ReferenceRoles reference_roles(const std::map<std::string, ModelLabel>& labels, const std::string& teacher,
                               const std::vector<std::string>& members, const std::vector<std::string>& present) {
  auto label_of = [&](const std::string& m) -> const ModelLabel* {
    const auto it = labels.find(m);
    return it == labels.end() ? nullptr : &it->second;
  };
  // The reference's developer and parents, from the teacher's label or its members'.
  std::set<std::string> families, parents;
  for (const auto& name : [&] { auto v = members; v.push_back(teacher); return v; }())
    if (const auto* l = label_of(name)) {
      if (!l->family.empty()) families.insert(l->family);
      if (!l->parent.empty()) parents.insert(l->parent);
    }
  ReferenceRoles roles;
  for (const auto& m : present) {
    if (contains(members, m)) continue;
    const ModelLabel* l = label_of(m);
    if (!l) continue;
    if (l->kind == "distilled" && contains(l->teachers, teacher)) {
      roles.positives.push_back(m);
      continue;
    }
    const bool same_model = contains(members, l->same_model_as) ||
                            std::any_of(members.begin(), members.end(), [&](const std::string& r) {
                              const auto* rl = label_of(r);
                              return rl && rl->same_model_as == m;
                            });
    const bool parent_related = !l->parent.empty() && (contains(members, l->parent) || [&] {
      const auto* pl = label_of(l->parent);
      return pl && families.count(pl->family) > 0;
    }());
    if (same_model) roles.related["same-model"].push_back(m);
    else if (parent_related) roles.related["fine-tune"].push_back(m);
    else if (!l->parent.empty() && parents.count(l->parent)) roles.related["sibling"].push_back(m);
    else if (!l->family.empty() && families.count(l->family)) roles.related["version"].push_back(m);
    else if ((l->kind == "independent" || l->kind == "base" || l->kind == "proprietary") && !contains(l->teachers, teacher))
      roles.negatives.push_back(m);
  }
  return roles;
}

}  // namespace ds::scorers::lineage
