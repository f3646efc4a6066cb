#include "results/reports/html_sections.hpp"

#include <fmt/format.h>

#include "results/reports/html_data.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results::html {

const char* const kGapIndexSentence =
    "The gap index is mean(math, coding) − mean(creativity, philosophy), each score first "
    "turned into a z-score against the models in this store: above 0 means a model does "
    "relatively better on exact-answer tasks than on open-ended ones, the pattern said to mark "
    "distilled students (a description, not a test).";

namespace {
std::string model_label(const std::string& name, bool simulated) {
  return xml_escape(name) + (simulated ? " <span class=\"sim\">(simulated)</span>" : "");
}
}  // namespace

std::string scores_section(const ReportData& d) {
  std::string out = "<section id=\"scores\"><h2>Scores</h2><p>Mean with 95% bootstrap interval over items.</p>"
                    "<div class=\"scroll\"><table><tr><th>model</th>";
  for (const auto& s : d.suites) out += "<th>" + xml_escape(s) + "</th>";
  out += "<th>gap index</th></tr>\n";
  for (const auto& m : d.models) {
    out += "<tr><td>" + model_label(m.name, m.simulated) + "</td>";
    for (const auto& c : m.cells)
      out += fmt::format("<td class=\"num{}\">{}</td>", c.mean ? "" : " unscored", format_score_with_ci(c));
    out += m.gap ? fmt::format("<td class=\"num\">{:+.2f} [{:+.2f}, {:+.2f}]</td>", *m.gap,
                               m.gap_low.value_or(*m.gap), m.gap_high.value_or(*m.gap))
                 : std::string("<td class=\"unscored\">unscored</td>");
    out += "</tr>\n";
  }
  return out + "</table></div></section>\n";
}

std::string profile_section(const ReportData& d) {
  return "<section id=\"profile\"><h2>Humanity profile</h2><p>" + std::string(kGapIndexSentence) +
         "</p><div class=\"scroll\">" + svg_profile_chart(d.models) + "</div></section>\n";
}

std::string lineage_section(const ReportData& d) {
  std::string out = "<section id=\"lineage\"><h2>Lineage map</h2>";
  if (!d.lineage) return out + "<p class=\"muted\">Not computed: fewer than two models have answers.</p></section>\n";
  const LineageMap& m = *d.lineage;
  // The map first, its reading after it: the page should show the map on its first screen.
  out += "<div class=\"scroll\">" + svg_lineage_heatmap(m, false) + "</div><div id=\"tip\" hidden></div>";
  out += fmt::format(
      "<p>{} models; each cell is the {} of two models' answers to the same prompts; rows and "
      "columns are ordered by average-linkage clustering on 1 − similarity, whose dendrogram is "
      "drawn on the left; the reference is outlined in red. Hover a cell for the pair's similarity "
      "and {}.</p>",
      m.models.size(), xml_escape(m.statistic_label), xml_escape(m.verdict_note));
  return out + lineage_island(m) + "</section>\n";
}

std::string viewer_section(const ReportData& d) {
  const ViewerData& v = d.viewer;
  std::string out = "<section id=\"viewer-section\"><h2>Prompts and answers</h2>";
  if (v.models.empty()) return out + "<p class=\"muted\">No answers in this page.</p></section>\n";
  out += fmt::format(
      "<p>Pick a prompt (search by id or text). The {} <b>{}</b> is pinned first; tick the models "
      "to show beside it. Each sample shows its score and why; <mark>marked</mark> phrases ({} "
      "words or more) are shared with the pinned model's first sample.</p>",
      d.detection ? "reference" : "first model", xml_escape(v.models.front()), v.min_shared_words);
  if (!v.omitted.empty())
    out += fmt::format("<p class=\"muted\">{} models are not in this page ({}): {}.</p>", v.omitted.size(),
                       xml_escape(v.omitted_reason), xml_escape(fmt::format("{}", fmt::join(v.omitted, ", "))));
  out += "<div id=\"chooser\"></div><div id=\"viewer\"><div><input type=\"search\" id=\"q\" "
         "placeholder=\"search prompts by id or text\"><div id=\"pcount\" class=\"muted\"></div>"
         "<div id=\"plist\"></div></div><div id=\"pview\"></div></div>";
  return out + viewer_island(v, d.detection.has_value()) + "</section>\n";
}

}  // namespace ds::results::html
