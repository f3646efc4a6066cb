#include "results/reports/format_markdown.hpp"

#include <fmt/format.h>

#include "results/reports/html_sections.hpp"
#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

std::string model_label(const std::string& name, bool simulated) {
  return simulated ? name + " (simulated)" : name;
}

// Adds the chart as a file beside the report and returns the image link, or a note.
std::string chart(MarkdownReport& report, const std::string& stem, const std::string& name,
                  const std::string& alt, std::string svg) {
  if (stem.empty()) return "";
  const std::string file = stem + "-" + name + ".svg";
  report.files.push_back({file, std::move(svg)});
  return fmt::format("![{}]({})\n\n", alt, file);
}

std::string detection_md(MarkdownReport& report, const std::string& stem, const DetectionView& d) {
  std::string out = fmt::format("\n## Detection against reference `{}`\n\n", d.reference);
  out += fmt::format("- Null hypothesis: {}\n- Panel: {}\n- Correction: {}; `distilled` when the adjusted p ≤ {:g}\n"
                     "- Method: {}\n\n",
                     d.null_hypothesis, d.panel, d.correction, d.alpha, d.method);
  out += chart(report, stem, "detection", "detection strip", svg_detection_strip(d));
  out += "| candidate | statistic | p-value | adjusted p | verdict |\n|---|---:|---:|---:|---|\n";
  for (const auto& c : d.candidates)
    out += fmt::format("| {} | {:.2f} | {} | {} | {} |\n", model_label(c.model, c.simulated), c.statistic,
                       svg::value(c.p_value), svg::value(c.p_adjusted), c.verdict);
  for (size_t i = 0; i < d.quoted_candidates && i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    out += fmt::format("\n### Evidence: {} ({})\n\n", c.model, c.verdict);
    for (const auto& e : c.evidence) {
      out += fmt::format("- **{}**: {}", e.kind, e.detail);
      if (!e.prompt_ids.empty()) out += fmt::format(" (prompts: {})", fmt::join(e.prompt_ids, ", "));
      out += "\n";
    }
  }
  return out;
}

}  // namespace

MarkdownReport format_markdown(const ReportData& d, const std::string& stem) {
  MarkdownReport report;
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
  for (size_t i = 0; i < d.suites.size(); ++i) out += "---:|";
  out += "---:|\n";
  for (const auto& m : d.models) {
    out += "| " + model_label(m.name, m.simulated) + " |";
    for (const auto& c : m.cells) out += " " + format_score_with_ci(c) + " |";
    out += m.gap ? fmt::format(" {:+.2f} [{:+.2f}, {:+.2f}] |", *m.gap, m.gap_low.value_or(*m.gap),
                               m.gap_high.value_or(*m.gap))
                 : std::string(" unscored |");
    out += "\n";
  }
  out += "\n## Humanity profile\n\n" + std::string(html::kGapIndexSentence) + "\n\n";
  if (stem.empty()) out += "(Charts are written as SVG files beside the report with `-o FILE.md`.)\n\n";
  out += chart(report, stem, "profile", "humanity profile", svg_profile_chart(d.models));
  if (d.detection) out += detection_md(report, stem, *d.detection);
  if (d.lineage) {
    out += fmt::format("\n## Lineage map\n\n{} models, {} ordered by average-linkage clustering.\n\n",
                       d.lineage->models.size(), d.lineage->statistic_label);
    out += chart(report, stem, "lineage", "lineage map", svg_lineage_heatmap(*d.lineage, d.lineage->models.size() <= 40));
  }
  size_t failed = 0;
  for (const auto& r : d.responses) failed += r.record.error.empty() ? 0 : 1;
  out += fmt::format("\n{} responses, {} failed after retries.\n", d.responses.size(), failed);
  report.text = std::move(out);
  return report;
}

}  // namespace ds::results
