// The detection section: the strip plot, the table with p-values and verdicts, and the
// evidence of the strongest candidates quoted verbatim, shared phrases marked in both texts.
#include <fmt/format.h>

#include "results/reports/html_sections.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results::html {

namespace {

std::string viewer_link(const std::string& prompt_id, const std::string& model) {
  return fmt::format("<a href=\"#prompt={}&amp;with={}\">{}</a>", xml_escape(prompt_id), xml_escape(model),
                     xml_escape(prompt_id));
}

std::string evidence_item(const DetectionView& d, const DetectionCandidate& c, const DetectionEvidence& e) {
  std::string out = "<li><b>" + xml_escape(e.kind) + "</b>: " + xml_escape(e.detail);
  if (e.statistic) out += fmt::format(" <span class=\"muted\">(z {:.2f})</span>", *e.statistic);
  if (!e.prompt_ids.empty()) {
    out += " — prompts: ";
    for (size_t k = 0; k < e.prompt_ids.size() && k < 6; ++k) out += (k ? ", " : "") + viewer_link(e.prompt_ids[k], c.model);
  }
  if (e.quote) {
    const QuotedPair& q = *e.quote;
    out += fmt::format(
        "<div class=\"quote\"><div><span class=\"muted\">reference {} on {}</span><pre>{}</pre></div>"
        "<div><span class=\"muted\">{} on {}</span><pre>{}</pre></div></div>",
        xml_escape(d.reference), viewer_link(q.prompt_id, c.model), marked_html(q.reference_text, q.reference_marks),
        xml_escape(c.model), xml_escape(q.prompt_id), marked_html(q.candidate_text, q.candidate_marks));
  }
  return out + "</li>";
}

}  // namespace

std::string detection_section(const ReportData& data) {
  std::string out = "<section id=\"detection\">";
  if (!data.detection)
    return out + "<h2>Detection</h2><p class=\"muted\">No reference given: `distillscope report "
                 "--reference MODEL` tests every other model against it.</p></section>\n";
  const DetectionView& d = *data.detection;
  out += fmt::format("<h2>Detection against <code>{}</code></h2>", xml_escape(d.reference));
  out += fmt::format(
      "<p><b>Null hypothesis:</b> {}<br><b>Panel:</b> {}<br><b>Correction:</b> {}; verdict "
      "<span class=\"verdict distilled\">distilled</span> when the adjusted p ≤ {:g}. A candidate "
      "that is not detected is not shown to be independent.<br><b>Method:</b> {}</p>",
      xml_escape(d.null_hypothesis), xml_escape(d.panel), xml_escape(d.correction), d.alpha, xml_escape(d.method));
  out += "<div class=\"scroll\">" + svg_detection_strip(d) + "</div>";
  out += "<table><tr><th>candidate</th><th>statistic</th><th>p-value</th><th>adjusted p</th><th>verdict</th><th>evidence</th></tr>\n";
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    const std::string interval = c.ci_low && c.ci_high ? fmt::format(" [{:.2f}, {:.2f}]", *c.ci_low, *c.ci_high) : "";
    out += fmt::format(
        "<tr><td>{}{}</td><td class=\"num\">{:.2f}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td><span class=\"verdict {}\">{}</span>{}</td><td>{}</td></tr>\n",
        xml_escape(c.model), c.simulated ? " <span class=\"sim\">(simulated)</span>" : "", c.statistic, interval,
        svg::value(c.p_value), svg::value(c.p_adjusted), verdict_class(c.verdict), xml_escape(c.verdict),
        c.verdict_note.empty() ? "" : "<br><span class=\"muted\">" + xml_escape(c.verdict_note) + "</span>",
        i < d.quoted_candidates ? fmt::format("<a href=\"#ev-{}\">{} items, quoted</a>", i, c.evidence.size())
                                : fmt::format("{} items", c.evidence.size()));
  }
  out += "</table>\n<h3>Evidence, quoted from the stored answers</h3>";
  for (size_t i = 0; i < d.quoted_candidates && i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    out += fmt::format("<details id=\"ev-{}\"{}><summary><b>{}</b> — <span class=\"verdict {}\">{}</span>, adjusted p {}</summary><ul class=\"evidence\">",
                       i, i < 3 ? " open" : "", xml_escape(c.model), verdict_class(c.verdict), xml_escape(c.verdict),
                       svg::value(c.p_adjusted));
    for (const auto& e : c.evidence) out += evidence_item(d, c, e);
    out += "</ul></details>\n";
  }
  if (d.candidates.size() > d.quoted_candidates)
    out += fmt::format("<p class=\"muted\">The evidence of the other {} candidates is not quoted here; "
                       "<code>distillscope detect --reference {} --candidate MODEL</code> prints it.</p>",
                       d.candidates.size() - d.quoted_candidates, xml_escape(d.reference));
  return out + "</section>\n";
}

}  // namespace ds::results::html
