// The summary that opens the HTML report: in sentences, the reference and where it came from,
// which models were called distilled and how sure (adjusted p, z), which were not detected
// and why, and what to do next. Only the detector's result (DetectResult) is read; nothing is
// computed here.
#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "results/reports/html_sections.hpp"
#include "results/reports/markup.hpp"

namespace ds::results::html {

namespace {

using lineage::CandidateResult;
using lineage::Verdict;

std::string distilled_item(const CandidateResult& c) {
  return fmt::format("<li><b>{}</b>: adjusted p {}, z {}{}</li>", xml_escape(c.model), number(c.p_adjusted, "{:.2g}"),
                     number(c.z, "{:.2f}"),
                     std::isfinite(c.z_interval.low)
                         ? fmt::format(" (95% interval {:.2f} to {:.2f})", c.z_interval.low, c.z_interval.high)
                         : "");
}

// The models not detected, in one paragraph: one panel usually sets them all the same bar,
// so the reason is said once ("each z is below the 2.60 this panel needs") and each model
// shows its z; the bar per model when they differ.
std::string not_detected_paragraph(const std::vector<const CandidateResult*>& models) {
  if (models.empty()) return "";
  const std::string bar = number(models.front()->detectable_z, "{:.2f}");
  bool same_bar = bar != "-";
  for (const auto* c : models) same_bar &= number(c->detectable_z, "{:.2f}") == bar;
  std::string out = fmt::format("<h3>Not detected ({})</h3><p class=\"summary-list\">", models.size());
  out += same_bar ? fmt::format("Each z is below the {} this panel needs (not detected does not mean "
                                "independent): ",
                                bar)
                  : "Not detected does not mean independent: ";
  for (size_t i = 0; i < models.size(); ++i) {
    const CandidateResult& c = *models[i];
    std::string why = fmt::format("z {}", number(c.z, "{:.2f}"));
    if (!same_bar) why += fmt::format(", needs {}", number(c.detectable_z, "{:.2f}"));
    out += fmt::format("{}<span class=\"nowrap\">{} ({})</span>", i ? ", " : "", xml_escape(c.model), why);
  }
  return out + ".</p>";
}

std::string insufficient_item(const CandidateResult& c) {
  return fmt::format("<li>{}: {}</li>", xml_escape(c.model), xml_escape(c.insufficient_reason));
}

std::string group(const char* heading, const std::string& items, size_t n) {
  if (n == 0) return "";
  // Two columns from four items on: the lineage map below should stay on the first screen.
  return fmt::format("<h3>{} ({})</h3><ul class=\"summary-list{}\">{}</ul>", heading, n, n >= 4 ? " long" : "", items);
}

std::string without_reference() {
  return "<p class=\"lead\">No reference model is named, so this report tests no model for "
         "distillation; it shows the lineage map, the profile and the scores.</p>"
         "<p><b>What to do next:</b> name the model you suspect others were distilled from: "
         "<code>distillscope report --reference MODEL</code>, or <code>distillscope run ... --reference "
         "MODEL</code>, which the report then finds in the store by itself.</p>";
}

// What to do next, for the verdicts there are.
std::string next_steps(const std::string& reference, size_t distilled, size_t not_detected, size_t insufficient) {
  std::string out = "<p><b>What to do next:</b> ";
  if (distilled > 0)
    out += fmt::format(
        "read the evidence below (the strongest candidate's is open; a link in the table opens the others) and "
        "the answers in the viewer; confirm with the active probes: <code>distillscope probe --reference {} "
        "--model SPEC --samples 20</code>. ",
        xml_escape(reference));
  if (not_detected > 0)
    out += "A model not detected may still be related with a weaker signal: more prompts "
           "(<code>run --suite all --samples 3</code>) or a larger panel lower the z this test needs. ";
  if (insufficient > 0) out += "For the models without enough evidence, add what their line says. ";
  return out + "</p>";
}

}  // namespace

std::string summary_section(const ReportData& data) {
  std::string out = "<section id=\"summary\"><h2>Summary</h2>";
  if (!data.detection) return out + without_reference() + "</section>\n";
  const lineage::DetectResult& r = data.detection->result;
  std::string distilled, insufficient;
  std::vector<const CandidateResult*> not_detected;
  size_t n_distilled = 0, n_insufficient = 0;
  for (const auto& c : r.candidates) {
    if (c.verdict == Verdict::Distilled) distilled += distilled_item(c), ++n_distilled;
    else if (c.verdict == Verdict::NotDetected) not_detected.push_back(&c);
    else insufficient += insufficient_item(c), ++n_insufficient;
  }
  const size_t n_not = not_detected.size();
  const std::string origin = data.reference_origin.empty() ? "" : " (" + xml_escape(data.reference_origin) + ")";
  out += fmt::format(
      "<p class=\"lead\">Tested against the reference <b>{}</b>{}: of the {} models tested, <b>{}</b> {} called "
      "<span class=\"verdict distilled\">distilled</span> (they answer like the reference beyond what the "
      "panel explains, adjusted p ≤ {:g}; {}) and {} {} not detected{}.</p>",
      xml_escape(r.reference_label), origin, r.candidates.size(), n_distilled, n_distilled == 1 ? "is" : "are",
      r.alpha, xml_escape(r.correction_note), n_not, n_not == 1 ? "is" : "are",
      n_insufficient ? fmt::format("; {} {} not enough evidence to be tested", n_insufficient,
                                   n_insufficient == 1 ? "has" : "have")
                     : "");
  out += group("Distilled", distilled, n_distilled);
  out += not_detected_paragraph(not_detected);
  out += group("Insufficient evidence", insufficient, n_insufficient);
  out += next_steps(r.reference_label, n_distilled, n_not, n_insufficient);
  return out + "</section>\n";
}

}  // namespace ds::results::html
