#include "scorers/lineage/components/component.hpp"

namespace ds::scorers::lineage {

bool is_choice_scorer(const std::string& scorer) {
  const std::string imported = ":choice";
  return scorer == "philosophy" || scorer.rfind("probe", 0) == 0 ||
         (scorer.size() > imported.size() &&
          scorer.compare(scorer.size() - imported.size(), imported.size(), imported) == 0);
}

void values_from_prompts(ComponentValues& v) {
  for (size_t i = 0; i < v.per_prompt.size() && i < v.value.size(); ++i) {
    if (v.per_prompt[i].empty()) continue;
    double sum = 0;
    for (const auto& p : v.per_prompt[i]) sum += p.value;
    v.value[i] = sum / static_cast<double>(v.per_prompt[i].size());
  }
}

}  // namespace ds::scorers::lineage
