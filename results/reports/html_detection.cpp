// The detection section: the detector's result as it is (null, panel, correction, verdicts,
// p-values, intervals), the forest plot, and the evidence of the strongest candidates quoted
// verbatim, shared phrases marked in both answers, each linking to its prompt in the viewer.
// Evidence is folded to one line an item (the first open): the summary above says what was
// found, the evidence is there to check it.
#include <fmt/format.h>

#include <cmath>

#include "results/reports/html_sections.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results::html {

namespace {

using lineage::CandidateResult;
using lineage::Evidence;

std::string viewer_link(const std::string& prompt_id, const std::string& model) {
  return fmt::format("<a href=\"#prompt={}&amp;with={}\">{}</a>", xml_escape(prompt_id), xml_escape(model),
                     xml_escape(prompt_id));
}

// The detector's verbatim quotes: the passage in both answers, an identity claim beside the
// reference's own, an identical wrong answer beside the expected one. Quotes are often code:
// <pre> keeps their line breaks and indentation.
std::string detector_quotes(const Evidence& e, const std::string& reference, const std::string& model) {
  std::string out;
  if (!e.reference_quote.empty() || !e.quote.empty()) {
    out += "<div class=\"quote\">";
    out += fmt::format("<div><span class=\"muted\">{}</span><pre class=\"code\">{}</pre></div>", xml_escape(reference),
                       e.reference_quote.empty() ? "<span class=\"muted\">(none)</span>" : xml_escape(e.reference_quote));
    out += fmt::format("<div><span class=\"muted\">{}</span><pre class=\"code\">{}</pre></div>", xml_escape(model),
                       e.quote.empty() ? "<span class=\"muted\">(none)</span>" : xml_escape(e.quote));
    out += "</div>";
  }
  if (!e.expected.empty())
    out += "<div class=\"muted\">expected answer:</div><pre class=\"code\">" + xml_escape(e.expected) + "</pre>";
  if (e.panel_sharing)
    out += fmt::format("<div class=\"muted\">{} of the {} panel answers checked on this prompt contain it too</div>",
                       *e.panel_sharing, e.panel_checked);
  return out;
}

// The whole stored answers of the evidence's first prompt, shared phrases marked in both.
std::string stored_answers(const QuotedPair& q, const std::string& reference, const std::string& model) {
  return fmt::format(
      "<details class=\"answers\"><summary>both answers to {} (shared phrases marked)</summary><div class=\"quote\">"
      "<div><span class=\"muted\">{}</span><pre>{}</pre></div><div><span class=\"muted\">{}</span><pre>{}</pre></div>"
      "</div></details>",
      viewer_link(q.prompt_id, model), xml_escape(reference), marked_html(q.reference_text, q.reference_marks),
      xml_escape(model), marked_html(q.candidate_text, q.candidate_marks));
}

// One line (kind, detail, z) until opened; then the prompts, the quotes and both answers.
std::string evidence_item(const CandidateResult& c, const Evidence& e, const std::optional<QuotedPair>& q, bool open) {
  std::string out = fmt::format("<li><details{}><summary><b>{}</b>: {}", open ? " open" : "", xml_escape(e.kind),
                                xml_escape(e.detail));
  // A passage's statistic is its length, already in the detail; the others' is a z-score.
  if (std::isfinite(e.statistic) && e.kind != "shared-passage")
    out += fmt::format(" <span class=\"muted\">(z {:.2f})</span>", e.statistic);
  out += "</summary>";
  if (!e.prompt_ids.empty()) {
    out += "prompts: ";
    for (size_t k = 0; k < e.prompt_ids.size() && k < 6; ++k) out += (k ? ", " : "") + viewer_link(e.prompt_ids[k], c.model);
  }
  out += detector_quotes(e, c.closest_reference, c.model);
  if (q) out += stored_answers(*q, c.closest_reference, c.model);
  return out + "</details></li>";
}

std::string verdict_cell(const CandidateResult& c) {
  std::string out = fmt::format("<span class=\"verdict {}\">{}</span>", verdict_class(c.verdict),
                                lineage::verdict_word(c.verdict));
  if (!c.insufficient_reason.empty()) out += "<br><span class=\"muted\">" + xml_escape(c.insufficient_reason) + "</span>";
  else if (c.verdict == lineage::Verdict::NotDetected && std::isfinite(c.detectable_z))
    out += fmt::format("<br><span class=\"muted\">this panel could detect z ≥ {:.2f}</span>", c.detectable_z);
  return out;
}

std::string candidate_row(const DetectionView& d, size_t i) {
  const CandidateResult& c = d.result.candidates[i];
  const std::string interval = std::isfinite(c.z_interval.low)
                                   ? fmt::format(" [{:.2f}, {:.2f}]", c.z_interval.low, c.z_interval.high)
                                   : "";
  const std::string evidence = i < d.quoted_candidates
                                   ? fmt::format("<a href=\"#ev-{}\">{} items, quoted</a>", i, c.evidence.size())
                                   : fmt::format("{} items", c.evidence.size());
  return fmt::format(
      "<tr><td>{}{}</td><td class=\"num\">{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
      "<td>{} <span class=\"muted\">(panel {})</span></td><td>{}</td><td>{}</td></tr>\n",
      xml_escape(c.model), d.simulated[i] ? " <span class=\"sim\">(simulated)</span>" : "", number(c.z, "{:.2f}"),
      interval, number(c.p_value), number(c.p_adjusted), lineage::null_kind_name(c.null_kind), c.panel_size,
      verdict_cell(c), evidence);
}

std::string test_description(const lineage::DetectResult& r) {
  std::string out = "<p>";
  if (!r.family_note.empty()) out += "<b>Reference family:</b> " + xml_escape(r.family_note) + "<br>";
  out += fmt::format(
      "<b>Null hypothesis:</b> {}<br><b>Null used:</b> {}<br><b>Panel:</b> {} models ({})<br>"
      "<b>Correction:</b> {}; verdict <span class=\"verdict distilled\">distilled</span> when the adjusted p ≤ {:g}<br>"
      "<b>Components:</b> {}<br><b>Method:</b> {}<br><b>Scope:</b> {}</p>",
      xml_escape(r.null_hypothesis),
      r.candidates.empty() ? "-" : xml_escape(r.candidates.front().null_description), r.panel.size(),
      xml_escape(r.panel_source), xml_escape(r.correction_note), r.alpha, xml_escape(fmt::format("{}", fmt::join(r.components, ", "))),
      xml_escape(r.method), xml_escape(r.scope_note));
  return out;
}

}  // namespace

std::string number(double x, const char* spec) { return std::isfinite(x) ? fmt::format(fmt::runtime(spec), x) : "-"; }

std::string detection_section(const ReportData& data) {
  std::string out = "<section id=\"detection\">";
  if (!data.detection)
    return out + "<h2>Detection in detail</h2><p class=\"muted\">No reference model, no detection (the summary "
                 "says how to name one).</p></section>\n";
  const DetectionView& d = *data.detection;
  const lineage::DetectResult& r = d.result;
  out += fmt::format("<h2>Detection in detail: against <code>{}</code></h2>", xml_escape(r.reference_label));
  out += test_description(r);
  out += "<div class=\"scroll\">" + svg_detection_strip(d) + "</div>";
  out += "<table><tr><th>candidate</th><th>z [95% interval]</th><th>p-value</th><th>adjusted p</th><th>null</th>"
         "<th>verdict</th><th>evidence</th></tr>\n";
  for (size_t i = 0; i < r.candidates.size(); ++i) out += candidate_row(d, i);
  out += "</table>\n<h3>Evidence, quoted from the stored answers</h3>";
  for (size_t i = 0; i < d.quoted_candidates && i < r.candidates.size(); ++i) {
    const auto& c = r.candidates[i];
    out += fmt::format(
        "<details id=\"ev-{}\"{}><summary><b>{}</b> — <span class=\"verdict {}\">{}</span>, adjusted p {}</summary>"
        "<ul class=\"evidence\">",
        i, i == 0 ? " open" : "", xml_escape(c.model), verdict_class(c.verdict), lineage::verdict_word(c.verdict),
        number(c.p_adjusted));
    for (size_t e = 0; e < c.evidence.size(); ++e) out += evidence_item(c, c.evidence[e], d.quotes[i][e], e == 0);
    if (c.evidence.empty()) out += "<li class=\"muted\">the detector gave no evidence item</li>";
    out += "</ul></details>\n";
  }
  if (r.candidates.size() > d.quoted_candidates)
    out += fmt::format("<p class=\"muted\">The evidence of the other {} candidates is not quoted here; "
                       "<code>distillscope detect --reference {} --candidate MODEL</code> prints it.</p>",
                       r.candidates.size() - d.quoted_candidates, xml_escape(r.reference_label));
  return out + "</section>\n";
}

}  // namespace ds::results::html
