// probes: the active probe battery (probe_distributions.hpp). Per probe prompt (suite kind
// `probes`), the candidate's answer categories over its samples (claimed maker, chosen number
// or word, refusal wording, stated cutoff) against the reference's: 1 - Jensen–Shannon of the two
// distributions; the value is the mean over the prompts both answered. Evidence: the homogeneity
// permutation test (null: the candidate's answers are drawn from the reference's distribution),
// combined over prompts by Fisher's method, and the prompts where the two are most alike.
#include <fmt/format.h>

#include <algorithm>

#include "scorers/lineage/components/registry_entries.hpp"
#include "scorers/lineage/probe_distributions.hpp"

namespace ds::scorers::lineage {

namespace {

constexpr int kPermutations = 199;

Evidence probe_evidence(const ProbeModelResult& r, const ProbeAnswers& answers, const std::string& reference) {
  size_t differ = 0;
  for (const auto& cmp : r.comparisons) differ += cmp.p_same <= 0.05;
  Evidence e;
  e.kind = "probes";
  e.detail = fmt::format(
      "probe answers distributed like {}'s: mean 1 - JSD = {:.3f} over {} probe prompts; homogeneity "
      "permutation test (null: drawn from {}'s distribution, {} permutations, ties broken at random) p <= 0.05 "
      "on {} of them, Fisher-combined p = {:.3g}",
      reference, r.value, r.comparisons.size(), reference, kPermutations, differ, r.p_same);
  auto closest = r.comparisons;
  std::stable_sort(closest.begin(), closest.end(), [](const auto& a, const auto& b) {
    return a.jsd != b.jsd ? a.jsd < b.jsd : a.samples > b.samples;
  });
  for (size_t k = 0; k < closest.size() && k < 5; ++k) e.prompt_ids.push_back(answers.prompts[closest[k].prompt]);
  return e;
}

}  // namespace

ComponentValues probes_component(const ComponentInput& in) {
  ComponentValues out;
  out.value.assign(in.models.size(), NAN);
  out.per_prompt.assign(in.models.size(), {});
  out.evidence.assign(in.models.size(), {});
  const ProbeAnswers answers = probe_answers(in.corpus);
  if (answers.prompts.empty() || in.reference < 0) return out;
  ProbeOptions options;
  options.permutations = kPermutations;
  options.seed = in.seed;
  for (int m : in.models) options.only.push_back(static_cast<size_t>(m));
  const auto results = compare_probe_distributions(answers, static_cast<size_t>(in.reference), options);
  for (size_t i = 0; i < in.models.size(); ++i) {
    const ProbeModelResult& r = results[static_cast<size_t>(in.models[i])];
    if (r.comparisons.empty()) continue;
    out.value[i] = r.value;
    for (const auto& cmp : r.comparisons)
      out.per_prompt[i].push_back({static_cast<uint32_t>(answers.corpus_prompts[cmp.prompt]),
                                   static_cast<float>(1.0 - cmp.jsd)});
    out.evidence[i].push_back(probe_evidence(r, answers, in.reference_name));
  }
  return out;
}

}  // namespace ds::scorers::lineage
