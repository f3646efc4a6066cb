#pragma once
// The detector's middle step: every component measured against one reference (a family
// member), standardised, and summed into the statistic T per measured model. Shared by the
// detector, its prompt bootstrap and its evidence.
#include <string>
#include <vector>

#include "scorers/lineage/components/component.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Measurement {
  int reference = -1;
  std::vector<char> in_panel;             // per measured model: the population every scale is taken from
  std::vector<std::string> used;          // components with spread among the measured models
  std::vector<ComponentValues> values;    // per used component
  std::vector<RobustScale> scales;        // per used component
  std::vector<double> T;                  // per measured model: sum of clipped component z
  std::vector<size_t> measured;           // per measured model: components with a value
  std::vector<size_t> shared_prompts;     // per measured model: prompts the reference also answered
  double z(size_t component, size_t model) const;  // clipped; 0 where not measured
};

// `input.reference` is the member measured against; `components` are registry names.
Measurement measure(const ComponentInput& input, const std::vector<std::string>& components);

// T recomputed with each component's per-prompt values reweighted by prompt counts (the
// prompt bootstrap): components without per-prompt values keep their value.
std::vector<double> reweighted_statistic(const Measurement& m, const std::vector<uint32_t>& prompt_weight);

}  // namespace ds::scorers::lineage
