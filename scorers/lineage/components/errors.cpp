// errors: identical wrong final answers with the reference, beyond what the measured panel's
// wrong answers on the same prompt make likely by chance: (observed - expected) /
// sqrt(expected + 1). Only where the store holds scores with extracted answers.
#include <fmt/format.h>

#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

namespace {

constexpr size_t kRareShareDenominator = 10;  // "rarely": at most 1 in 10 panel models

const ScoredAnswer* wrong_answer(const Corpus& c, int m, size_t p, const std::string& scorer) {
  const auto& cell = c.cells[static_cast<size_t>(m)][p];
  if (cell.empty()) return nullptr;
  for (const auto& s : cell.front().scores)
    if (s.scorer == scorer && s.wrong && !s.extracted.empty()) return &s;
  return nullptr;
}

}  // namespace

ComponentValues errors_component(const ComponentInput& in) {
  const Corpus& c = in.corpus;
  const size_t n = in.models.size();
  std::vector<double> observed(n, 0), expected(n, 0);
  ComponentValues out;
  out.value.assign(n, NAN);
  out.evidence.assign(n, {});
  bool any = false;
  for (size_t p = 0; p < c.prompts.size(); ++p) {
    const auto& rcell = c.cells[static_cast<size_t>(in.reference)][p];
    if (rcell.empty()) continue;
    for (const auto& rs : rcell.front().scores) {
      if (!rs.wrong || rs.extracted.empty() || is_choice_scorer(rs.scorer)) continue;
      any = true;
      // How often the panel's wrong answers here equal the reference's (add-one smoothed).
      double same = 1, total = 2;
      size_t answering = 0;
      std::vector<char> panel_same(n, 0);
      for (size_t k = 0; k < n; ++k) {
        if (!in.in_panel[k]) continue;
        answering += !c.cells[static_cast<size_t>(in.models[k])][p].empty();
        if (const auto* s = wrong_answer(c, in.models[k], p, rs.scorer)) {
          total += 1;
          panel_same[k] = s->extracted == rs.extracted;
          same += panel_same[k];
        }
      }
      for (size_t i = 0; i < n; ++i) {
        const auto* mine = wrong_answer(c, in.models[i], p, rs.scorer);
        if (!mine) continue;
        // The model's own answer is left out of its chance expectation.
        const bool counted = in.in_panel[i] && total > 2;
        expected[i] += (same - (counted ? panel_same[i] : 0)) / (total - (counted ? 1 : 0));
        if (mine->extracted != rs.extracted) continue;
        observed[i] += 1;
        // Evidence only where the panel rarely gives the same wrong answer: an answer most
        // models share (a common slip, a whole function body) says nothing about lineage.
        const size_t shared_by = static_cast<size_t>(same) - 1 - (in.in_panel[i] ? 1 : 0);
        const bool rare = shared_by * kRareShareDenominator <= answering;
        if (rare && out.evidence[i].size() < 5) {
          Evidence e;
          e.kind = "errors";
          e.prompt_ids = {c.prompts[p]};
          e.quote = mine->extracted;
          e.reference_quote = rs.extracted;
          e.expected = c.expected.empty() ? "" : c.expected[p];
          e.panel_sharing = shared_by;
          e.panel_checked = answering;
          e.detail = e.expected.empty()
                         ? fmt::format("same wrong answer as the reference: {}", mine->extracted)
                         : fmt::format("same wrong answer as the reference: {} (expected {})",
                                       mine->extracted, e.expected);
          out.evidence[i].push_back(std::move(e));
        }
      }
    }
  }
  if (!any) return out;
  for (size_t i = 0; i < n; ++i) out.value[i] = (observed[i] - expected[i]) / std::sqrt(expected[i] + 1.0);
  return out;
}

}  // namespace ds::scorers::lineage
