#include "results/reports/format_markdown.hpp"

#include <fmt/format.h>
#include "results/layer.hpp"

namespace ds::results {

namespace {
std::string model_label(const ModelRow& m) {
  return m.simulated ? m.name + " (simulated)" : m.name;
}
}  // namespace

std::string format_markdown(const ReportData& d) {
  std::string out = "# distillscope report\n\n";
  out += fmt::format("Source: `{}`\n\n", d.source);
  bool any_simulated = false;
  for (const auto& m : d.models) any_simulated |= m.simulated;
  if (any_simulated)
    out += "> Models marked (simulated) are deterministic simulations from `distillscope serve "
           "--simulate`, not real models.\n\n";
  out += "## Scores (mean, 95% bootstrap interval over items)\n\n| model |";
  for (const auto& s : d.suites) out += " " + s + " |";
  out += " gap index |\n|---|";
  for (size_t i = 0; i < d.suites.size(); ++i) out += "---|";
  out += "---|\n";
  for (const auto& m : d.models) {
    out += "| " + model_label(m) + " |";
    for (const auto& c : m.cells) out += " " + format_score_with_ci(c) + " |";
    out += m.gap ? fmt::format(" {:+.2f} [{:+.2f}, {:+.2f}] |", *m.gap, m.gap_low.value_or(*m.gap),
                               m.gap_high.value_or(*m.gap))
                 : std::string(" unscored |");
    out += "\n";
  }
  out += "\nThe gap index is mean(math, coding) − mean(creativity, philosophy), each normalised "
         "against the models in the store; distilled students are said to score high on it.\n";
  if (!d.detection.is_null() && d.detection.contains("candidates")) {
    out += fmt::format("\n## Detection against reference `{}`\n\nMethod: {}\n\n",
                       d.detection.value("reference", ""), d.detection.value("method", ""));
    out += fmt::format("Correction: {}\n\n", d.detection.value("correction_note", ""));
    out += "| candidate | z | p-value | adjusted p | verdict |\n|---|---|---|---|---|\n";
    for (const auto& c : d.detection["candidates"]) {
      out += fmt::format("| {} | {} | {} | {} | {} |\n", c.value("model", ""), number_text(c, "z", "{:.2f}"),
                         number_text(c, "p_value", "{:.3g}"), number_text(c, "p_adjusted", "{:.3g}"),
                         c.value("verdict", ""));
    }
  }
  size_t failed = 0;
  for (const auto& r : d.records) failed += r.error.empty() ? 0 : 1;
  out += fmt::format("\n{} responses, {} failed after retries.\n", d.records.size(), failed);
  return out;
}

}  // namespace ds::results
