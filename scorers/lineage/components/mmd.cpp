// mmd: where the candidate and the reference both have several samples of a prompt, a
// two-sample MMD permutation test (Hamming kernel on characters) between their samples; the
// value is the mean log10 p over those prompts (near 0 when the candidate's samples look drawn
// like the reference's, very negative when the two are told apart).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scorers/lineage/components/registry_entries.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

namespace {

constexpr int kMmdPermutations = 200;

std::vector<std::string> samples(const Corpus& c, int m, size_t p) {
  std::vector<std::string> out;
  const auto& cell = c.cells[static_cast<size_t>(m)][p];
  if (cell.size() < 2) return out;
  for (size_t k = 0; k < cell.size() && k < kMmdMaxSamples; ++k) out.push_back(cell[k].text);
  return out;
}

}  // namespace

ComponentValues mmd_component(const ComponentInput& in) {
  const Corpus& c = in.corpus;
  const size_t n = in.models.size();
  ComponentValues out;
  out.value.assign(n, NAN);
  out.per_prompt.assign(n, {});
  out.evidence.assign(n, {});
  std::vector<std::vector<std::pair<size_t, double>>> pvalues(n);
  for (size_t p = 0; p < c.prompts.size(); ++p) {
    const auto rs = samples(c, in.reference, p);
    if (rs.empty()) continue;
    for (size_t i = 0; i < n; ++i) {
      const auto ms = samples(c, in.models[i], p);
      if (ms.empty()) continue;
      const uint64_t seed = in.seed ^ (0x9E3779B97F4A7C15ULL * (p * c.models.size() + static_cast<size_t>(in.models[i]) + 1));
      const double pv = mmd_permutation_p(ms, rs, kMmdPermutations, seed);
      if (!std::isfinite(pv)) continue;
      out.per_prompt[i].push_back({static_cast<uint32_t>(p), static_cast<float>(std::log10(pv))});
      pvalues[i].push_back({p, pv});
    }
  }
  values_from_prompts(out);
  for (size_t i = 0; i < n; ++i) {
    if (out.per_prompt[i].empty()) continue;
    // The prompts where the candidate's samples are least distinguishable from the reference's.
    auto closest = pvalues[i];
    std::stable_sort(closest.begin(), closest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Evidence e;
    e.kind = "mmd";
    e.detail = fmt::format("samples drawn like {}'s: two-sample MMD test (Hamming kernel on characters, "
                           "{} permutations) on {} prompts with >= 2 samples each, mean -log10 p = {:.2f}",
                           in.reference_name, kMmdPermutations, closest.size(), -out.value[i]);
    for (size_t k = 0; k < closest.size() && k < 5; ++k) e.prompt_ids.push_back(c.prompts[closest[k].first]);
    out.evidence[i].push_back(std::move(e));
  }
  return out;
}

}  // namespace ds::scorers::lineage
