#include "harness/cli/summary_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "results/reports/score_reason.hpp"

namespace ds::harness::cli {

namespace {

std::string cell(const ScoreEstimate* e) {
  if (e && e->insufficient) return fmt::format("insufficient {}/{}", e->items, e->asked);
  if (!e || !e->interval) return "unscored";
  return fmt::format("{:.2f} [{:.2f}, {:.2f}]", e->interval->mean, e->interval->low,
                     e->interval->high);
}

std::string gap_cell(const std::optional<Interval>& g) {
  if (!g) return "n/a";
  return fmt::format("{:+.2f} [{:+.2f}, {:+.2f}]", g->mean, g->low, g->high);
}

std::string label_of(const std::string& name, const ModelSummary& m) {
  return name + (m.simulated ? " (simulated)" : "");
}

// "reason" when there is one; "commonest reason (n of m; k other reasons)" otherwise.
std::string describe_reasons(const std::map<std::string, size_t>& reasons) {
  if (reasons.empty()) return "";
  const auto top = std::max_element(reasons.begin(), reasons.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; });
  if (reasons.size() == 1) return top->first;
  size_t total = 0;
  for (const auto& [reason, n] : reasons) total += n;
  return fmt::format("{} ({} of {}; {} other reason{})", top->first, top->second, total, reasons.size() - 1,
                     reasons.size() == 2 ? "" : "s");
}

std::string suite_line(const std::string& label, size_t width, const std::string& suite,
                       const SuiteSummary& s) {
  std::string line = fmt::format("  {:<{}}  {:<11} {:<19} n={:<7} unscored={}/{}", label, width, suite,
                                 cell(&s.score), fmt::format("{}/{}", s.score.items, s.score.asked),
                                 s.unscored, s.responses);
  for (const auto& [k, v] : s.pass_at_k) line += fmt::format("  pass@{}={:.2f}", k, v);
  if (!s.unscored_reasons.empty()) line += "  unscored: " + describe_reasons(s.unscored_reasons);
  return line + "\n";
}

}  // namespace

std::string unscored_breakdown(const Summary& summary) {
  std::map<std::string, size_t> reasons;
  for (const auto& [name, m] : summary.models)
    for (const auto& [suite, s] : m.suites)
      for (const auto& [reason, n] : s.unscored_reasons) reasons[reason] += n;
  return results::counted_reasons(reasons);
}

std::string summary_table(const Summary& full, const std::vector<std::string>& only) {
  Summary summary;  // the models shown
  if (only.empty()) {
    summary.models = full.models;
  } else {
    for (const auto& name : only)
      if (const auto it = full.models.find(name); it != full.models.end()) summary.models.insert(*it);
  }
  size_t width = 5;
  for (const auto& [name, m] : summary.models) width = std::max(width, label_of(name, m).size());
  std::string out =
      "Humanity profile: mean score [95% bootstrap CI over items]; gap = (math+coding)/2 - "
      "(creativity+philosophy)/2, each as a z-score against the models in the store\n";
  out += fmt::format("{:<{}}  {:<19}{:<19}{:<19}{:<19}{}\n", "model", width, "math", "coding",
                     "creativity", "philosophy", "gap index");
  for (const auto& [name, m] : summary.models) {
    out += fmt::format("{:<{}}  ", label_of(name, m), width);
    for (const auto& d : kProfileDimensions) {
      const SuiteSummary* s = m.suite(d);
      out += fmt::format("{:<19}", cell(s ? &s->score : nullptr));
    }
    out += gap_cell(m.gap_index) + "\n";
  }
  out += "\nPer suite (n = items scored / items asked; a suite with fewer than half its items scored is "
         "'insufficient', not a number; unscored = answers without a score)\n";
  for (const auto& [name, m] : summary.models)
    for (const auto& [suite, s] : m.suites) out += suite_line(label_of(name, m), width, suite, s);
  if (const size_t others = full.models.size() - summary.models.size(); others > 0)
    out += fmt::format("\nThe store holds {} other model{} (not in this run); `distillscope report` shows every model.\n",
                       others, others == 1 ? "" : "s");
  return out;
}

}  // namespace ds::harness::cli
