// The registry of evidence components. Adding a component: write its function (a file in
// this folder, or elsewhere in scorers/lineage/) and add one entry here. `by_default` is true
// only where the development sets and the simulator agree the component helps
// (docs/lineage.md, "Ablation"): skeleton lowered the AUROC on both development sets,
// neighbours helped on the simulator but not on either development set, and exact-ngrams
// matched the sketches it would replace. probes is on by default although neither development
// set has probe answers (it is absent there and cannot change their figures): it is the
// measurement the harness collects itself, and on the simulator it separates students
// (docs/lineage.md, "The probe battery").
#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

const std::vector<Component>& component_registry() {
  static const std::vector<Component> registry{
      {"pair", "mean per-prompt robust z of the answer similarity to the reference (word 1-3-gram and character 5-gram sketches)", true, &pair_component},
      {"profile", "cosine of the idiosyncrasy profiles (habit phrases, openers/closers, markdown habits) relative to the population", true, &profile_component},
      {"identity", "share of answers claiming the reference's identity (name or maker it claims, or its name's stem)", true, &identity_component},
      {"errors", "identical wrong final answers with the reference beyond chance: (observed - expected) / sqrt(expected + 1)", true, &errors_component},
      {"choices", "mean 1 - Jensen-Shannon divergence of choice distributions on philosophy items", true, &choices_component},
      {"probes", "mean 1 - Jensen-Shannon divergence of the probe battery's answer distributions (identity, picks, refusal wording, cutoff)", true, &probes_component},
      {"mmd", "mean log10 p of per-prompt two-sample MMD tests between the candidate's and the reference's samples", true, &mmd_component},
      {"opener", "mean per-prompt robust z of the Jaccard of the word 1-3-grams of the first 25 tokens", true, &opener_component},
      {"closer", "mean per-prompt robust z of the Jaccard of the word 1-3-grams of the last 25 tokens", true, &closer_component},
      {"skeleton", "mean per-prompt robust z of the Jaccard of the markdown skeleton's symbol 1-3-grams", false, &skeleton_component},
      {"neighbours", "robust z of the reference's similarity among the candidate's, its sibling cluster set aside", false, &neighbours_component},
      {"exact-ngrams", "mean per-prompt robust z of the exact (unsketched) word 1-3-gram Jaccard (ablation: needs every text in memory)", false, &exact_ngrams_component},
  };
  return registry;
}

const Component* find_component(const std::string& name) {
  for (const auto& c : component_registry())
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> default_components() {
  std::vector<std::string> out;
  for (const auto& c : component_registry())
    if (c.by_default) out.push_back(c.name);
  return out;
}

}  // namespace ds::scorers::lineage
