#include "results/reports/format_markdown.hpp"

#include <fmt/format.h>

#include <cmath>

#include "results/reports/html_sections.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

// Every text from a store (model names, suites, answers, ids) is written through
// markdown_text, so it shows as itself and never as markup.
std::string model_label(const std::string& name, bool simulated) {
  return markdown_text(name) + (simulated ? " (simulated)" : "");
}

// Adds the chart as a file beside the report and returns the image link, or a note.
std::string chart(MarkdownReport& report, const std::string& stem, const std::string& name,
                  const std::string& alt, std::string svg) {
  if (stem.empty()) return "";
  const std::string file = stem + "-" + name + ".svg";
  report.files.push_back({file, std::move(svg)});
  return fmt::format("![{}]({})\n\n", alt, file);
}

std::string number(double x, const char* spec = "{:.3g}") {
  return std::isfinite(x) ? fmt::format(fmt::runtime(spec), x) : "-";
}

// A verbatim quote as a markdown blockquote line (one line: newlines become spaces).
std::string quote_line(const std::string& who, const std::string& text) {
  return fmt::format("  > {}: \"{}\"\n", markdown_text(who), markdown_text(text));
}

std::string md_list(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) out += (out.empty() ? "" : ", ") + markdown_text(t);
  return out;
}

std::string evidence_md(const lineage::CandidateResult& c) {
  std::string out = fmt::format("\n### Evidence: {} ({})\n\n", markdown_text(c.model), lineage::verdict_word(c.verdict));
  for (const auto& e : c.evidence) {
    out += fmt::format("- **{}**: {}", markdown_text(e.kind), markdown_text(e.detail));
    if (!e.prompt_ids.empty()) out += fmt::format(" (prompts: {})", md_list(e.prompt_ids));
    out += "\n";
    if (!e.reference_quote.empty()) out += quote_line(c.closest_reference, e.reference_quote);
    if (!e.quote.empty()) out += quote_line(c.model, e.quote);
  }
  return out;
}

std::string detection_md(MarkdownReport& report, const std::string& stem, const DetectionView& d,
                         const std::string& origin) {
  const lineage::DetectResult& r = d.result;
  std::string out = fmt::format("\n## Detection against reference {}\n\n", markdown_text(r.reference_label));
  if (!origin.empty()) out += "The reference was " + markdown_text(origin) + ".\n\n";
  out += fmt::format("- Null hypothesis: {}\n- Null used: {}\n- Panel: {} models ({})\n"
                     "- Correction: {}; `distilled` when the adjusted p ≤ {:g}\n- Method: {}\n- Scope: {}\n\n",
                     markdown_text(r.null_hypothesis),
                     markdown_text(r.candidates.empty() ? "-" : r.candidates.front().null_description),
                     r.panel.size(), markdown_text(r.panel_source), markdown_text(r.correction_note), r.alpha,
                     markdown_text(r.method), markdown_text(r.scope_note));
  out += chart(report, stem, "detection", "detection forest plot", svg_detection_strip(d));
  out += "| candidate | z [95% interval] | p-value | adjusted p | null | verdict |\n|---|---:|---:|---:|---|---|\n";
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const auto& c = r.candidates[i];
    const std::string interval = std::isfinite(c.z_interval.low)
                                     ? fmt::format(" [{:.2f}, {:.2f}]", c.z_interval.low, c.z_interval.high)
                                     : "";
    std::string verdict(lineage::verdict_word(c.verdict));
    if (!c.insufficient_reason.empty()) verdict += ": " + markdown_text(c.insufficient_reason);
    out += fmt::format("| {} | {}{} | {} | {} | {} | {} |\n", model_label(c.model, d.simulated[i]), number(c.z, "{:.2f}"),
                       interval, number(c.p_value), number(c.p_adjusted), lineage::null_kind_name(c.null_kind), verdict);
  }
  for (size_t i = 0; i < d.quoted_candidates && i < r.candidates.size(); ++i) out += evidence_md(r.candidates[i]);
  return out;
}

}  // namespace

MarkdownReport format_markdown(const ReportData& d, const std::string& stem) {
  MarkdownReport report;
  std::string out = "# distillscope report\n\n";
  out += fmt::format("Source: {}\n\n", markdown_text(d.source));
  bool any_simulated = false;
  for (const auto& m : d.models) any_simulated |= m.simulated;
  if (any_simulated)
    out += "> Models marked (simulated) are deterministic simulations from `distillscope serve "
           "--simulate`, not real models.\n\n";
  out += "## Scores (mean, 95% bootstrap interval over items)\n\n| model |";
  for (const auto& s : d.suites) out += " " + markdown_text(s) + " |";
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
  if (d.basis) out += score_basis_markdown(*d.basis);
  if (d.detection) out += detection_md(report, stem, *d.detection, d.reference_origin);
  if (d.lineage) {
    out += fmt::format("\n## Lineage map\n\n{} models, {} ordered by average-linkage clustering.\n\n",
                       d.lineage->models.size(), markdown_text(d.lineage->statistic_label));
    out += chart(report, stem, "lineage", "lineage map", svg_lineage_heatmap(*d.lineage, d.lineage->models.size() <= 40));
  }
  size_t failed = 0;
  for (const auto& r : d.responses) failed += r.record.error.empty() ? 0 : 1;
  out += fmt::format("\n{} responses, {} failed after retries.\n", d.responses.size(), failed);
  report.text = std::move(out);
  return report;
}

}  // namespace ds::results
