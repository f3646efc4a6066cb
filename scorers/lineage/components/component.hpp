#pragma once
// One evidence component of the lineage test: a function from the corpus, the reference and
// the models measured (candidates and panel) to one raw value per model. The detector
// standardises every component the same way (robust z against the panel models, clipped)
// and sums the z-scores into the test statistic; a new component is one registry entry
// (components/registry.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "scorers/lineage/evidence.hpp"
#include "scorers/lineage/corpus.hpp"
#include "scorers/lineage/profiles.hpp"
#include "scorers/lineage/similarity.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct ComponentInput {
  const Corpus& corpus;
  const SimilarityIndex& similarity;
  const Profiles& profiles;
  int reference = -1;          // corpus index of the reference (one member of its family)
  std::string reference_name;  // its name
  std::vector<int> family;     // every member of the reference family, `reference` included
  std::vector<int> models;     // the models measured: candidates and panel (corpus indices)
  std::vector<char> in_panel;  // per entry of `models`: whether it is a panel model
  uint64_t seed = 1;
};

// One prompt's contribution to a model's value.
struct PromptValue {
  uint32_t prompt = 0;
  float value = 0;
};

struct ComponentValues {
  // Per entry of ComponentInput::models; NaN where the component cannot be measured for that
  // model (no shared prompts, no scores...). All NaN: the component is absent.
  std::vector<double> value;
  // Optional, per model: when given, value is the mean of these (the detector's prompt
  // bootstrap resamples them, and its evidence picks the strongest prompts).
  std::vector<std::vector<PromptValue>> per_prompt;
  // Optional, per model: evidence items the component found (quotes, prompts).
  std::vector<std::vector<Evidence>> evidence;
  // Optional, per model: models the component set aside (the candidate-centred component's
  // sibling cluster), named in the output.
  std::vector<std::vector<std::string>> set_aside;
};

// Whether a scorer's answers are choices (philosophy, probes, and imported tools'
// multiple-choice answers, stored as "<tool>:choice" scores).
bool is_choice_scorer(const std::string& scorer);

// Sets each model's value to the mean of its per-prompt values (NaN stays where it has none).
void values_from_prompts(ComponentValues& v);

using ComputeComponent = ComponentValues (*)(const ComponentInput&);

struct Component {
  std::string name;
  std::string measures;  // one line: what the raw value is
  bool by_default = true;
  ComputeComponent compute = nullptr;
};

// Every component, in the order they are reported.
const std::vector<Component>& component_registry();
// nullptr when no component has that name.
const Component* find_component(const std::string& name);
// The names of the components used when none are named.
std::vector<std::string> default_components();

// Shared by the per-prompt components (pair, opener, closer, skeleton, exact n-grams): at each
// prompt the reference answered, every model's similarity to the reference is standardised
// against the panel models' similarities on that prompt (robust z, clipped); a model's
// value is the mean over its prompts. `sim(model, prompt)` is NaN where it did not answer.
template <class Sim>
ComponentValues paired_component(const ComponentInput& in, Sim&& sim);

// Robust z (median, 1.4826 MAD) of x against values, clipped to +-kClip; 0 when no spread.
inline constexpr double kClip = 10.0;  // one prompt or component cannot outvote all others

}  // namespace ds::scorers::lineage

#include "scorers/lineage/components/paired.hpp"
