// choices: agreement of the candidate's choice distributions with the reference's on
// philosophy items (all samples): mean over items of 1 - Jensen–Shannon divergence. Probe
// answers have their own component (probes.cpp), so they are not counted twice.
#include <map>
#include <set>

#include "scorers/lineage/components/registry_entries.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

namespace {

std::map<std::string, double> choice_distribution(const Corpus& c, int m, size_t p) {
  std::map<std::string, double> d;
  double n = 0;
  for (const auto& e : c.cells[static_cast<size_t>(m)][p])
    for (const auto& s : e.scores)
      if (is_choice_scorer(s.scorer) && !s.extracted.empty()) {
        d[s.extracted] += 1;
        n += 1;
      }
  for (auto& [k, x] : d) x /= n;
  return d;
}

}  // namespace

ComponentValues choices_component(const ComponentInput& in) {
  const Corpus& c = in.corpus;
  ComponentValues out;
  out.value.assign(in.models.size(), NAN);
  out.per_prompt.assign(in.models.size(), {});
  for (size_t p = 0; p < c.prompts.size(); ++p) {
    if (p < c.kinds.size() && c.kinds[p] == SuiteKind::probes) continue;
    const auto dr = choice_distribution(c, in.reference, p);
    if (dr.empty()) continue;
    for (size_t i = 0; i < in.models.size(); ++i) {
      const auto dm = choice_distribution(c, in.models[i], p);
      if (dm.empty()) continue;
      std::set<std::string> keys;
      for (const auto& [k, x] : dr) keys.insert(k);
      for (const auto& [k, x] : dm) keys.insert(k);
      std::vector<double> a, b;
      for (const auto& k : keys) {
        a.push_back(dr.count(k) ? dr.at(k) : 0.0);
        b.push_back(dm.count(k) ? dm.at(k) : 0.0);
      }
      out.per_prompt[i].push_back({static_cast<uint32_t>(p), static_cast<float>(1.0 - jensen_shannon(a, b))});
    }
  }
  values_from_prompts(out);
  return out;
}

}  // namespace ds::scorers::lineage
