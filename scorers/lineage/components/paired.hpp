#pragma once
// paired_component (declared in component.hpp): the per-prompt standardisation shared by the
// components that compare the candidate's and the reference's answers to the same prompt.
#include <algorithm>
#include <cmath>

#include "scorers/lineage/components/component.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

template <class Sim>
ComponentValues paired_component(const ComponentInput& in, Sim&& sim) {
  const size_t n = in.models.size();
  ComponentValues out;
  out.value.assign(n, NAN);
  out.per_prompt.assign(n, {});
  std::vector<double> s(n), pool, scratch;
  for (size_t p = 0; p < in.corpus.prompts.size(); ++p) {
    if (in.corpus.cells[static_cast<size_t>(in.reference)][p].empty()) continue;
    pool.clear();
    for (size_t i = 0; i < n; ++i) {
      s[i] = sim(in.models[i], p);
      if (in.in_panel[i] && std::isfinite(s[i])) pool.push_back(s[i]);
    }
    if (pool.size() < 3) continue;
    const auto scale = robust_scale(pool, scratch);
    if (scale.scale <= 0) continue;
    for (size_t i = 0; i < n; ++i)
      if (std::isfinite(s[i]))
        out.per_prompt[i].push_back(
            {static_cast<uint32_t>(p), static_cast<float>(std::clamp(scale.z(s[i]), -kClip, kClip))});
  }
  values_from_prompts(out);
  return out;
}

}  // namespace ds::scorers::lineage
