#include "results/reports/detect_output.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <memory>
#include "results/layer.hpp"

namespace ds::results {

using namespace scorers::lineage;

namespace {

json number_or_null(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json interval_json(const Interval& i) {
  return std::isfinite(i.low) && std::isfinite(i.high) ? json::array({i.low, i.high}) : json(nullptr);
}

json evidence_json(const Evidence& e) {
  json out = {{"kind", e.kind}, {"detail", e.detail}, {"prompt_ids", e.prompt_ids},
              {"statistic", number_or_null(e.statistic)}};
  if (!e.quote.empty()) out["quote"] = e.quote;
  if (!e.reference_quote.empty()) out["reference_quote"] = e.reference_quote;
  if (!e.expected.empty()) out["expected"] = e.expected;
  if (e.panel_sharing) {
    out["panel_sharing"] = *e.panel_sharing;
    out["panel_checked"] = e.panel_checked;
  }
  return out;
}

json candidate_json(const CandidateResult& c) {
  json evidence = json::array();
  for (const auto& e : c.evidence) evidence.push_back(evidence_json(e));
  json components = json::object();
  for (const auto& k : c.components) components[k.name] = {{"value", number_or_null(k.value)}, {"z", number_or_null(k.z)}};
  return {{"model", c.model},
          {"closest_reference", c.closest_reference},
          {"statistic", number_or_null(c.statistic)},
          {"z", number_or_null(c.z)},
          {"z_interval", interval_json(c.z_interval)},
          {"p_value", number_or_null(c.p_value)},
          {"p_adjusted", number_or_null(c.p_adjusted)},
          {"verdict", std::string(verdict_word(c.verdict))},
          {"null", std::string(null_kind_name(c.null_kind))},
          {"null_description", c.null_description},
          {"panel_size", c.panel_size},
          {"detectable_z", number_or_null(c.detectable_z)},
          {"insufficient_reason", c.insufficient_reason.empty() ? json(nullptr) : json(c.insufficient_reason)},
          {"components", components},
          {"siblings", c.siblings},
          {"prompts", c.prompts},
          {"mean_similarity", number_or_null(c.mean_similarity)},
          {"p_permutation", c.p_permutation ? json(*c.p_permutation) : json(nullptr)},
          {"evidence", evidence}};
}

// The one piece of evidence the table shows: a verbatim quote where there is one.
std::string strongest_evidence(const CandidateResult& c) {
  for (const char* kind : {"identity", "errors", "shared-passage"})
    for (const auto& e : c.evidence)
      if (e.kind == kind && !e.quote.empty()) {
        std::string q = e.quote.size() > 70 ? e.quote.substr(0, 67) + "..." : e.quote;
        for (auto& ch : q)
          if (ch == '\n') ch = ' ';
        return fmt::format("{}: \"{}\"{}", kind, q, e.prompt_ids.empty() ? "" : " [" + e.prompt_ids.front() + "]");
      }
  return "";
}

std::string verdict_line(const CandidateResult& c) {
  if (c.verdict == Verdict::InsufficientEvidence) return "insufficient evidence: " + c.insufficient_reason;
  if (c.verdict == Verdict::NotDetected && std::isfinite(c.detectable_z))
    return fmt::format("not detected: this panel could detect z >= {:.2f}", c.detectable_z);
  return std::string(verdict_word(c.verdict));
}

// "a (z 4.10, q 0.001)": how a model's verdict is quoted in the summary.
std::string quoted_candidate(const CandidateResult& c, Correction correction) {
  const char* p_name = correction == Correction::BenjaminiHochberg ? "q" : correction == Correction::Holm ? "Holm p" : "p";
  return fmt::format("{} (z {:.2f}, {} {:.2g})", c.model, c.z, p_name, c.p_adjusted);
}

std::string listed(const std::vector<std::string>& items, size_t most) {
  std::string out;
  for (size_t k = 0; k < items.size() && k < most; ++k) out += (k ? ", " : "") + items[k];
  if (items.size() > most) out += fmt::format(" and {} more", items.size() - most);
  return out;
}

}  // namespace

std::string detect_summary(const DetectResult& r) {
  std::vector<std::string> distilled, insufficient;
  const CandidateResult* closest_miss = nullptr;
  std::string insufficient_reason;
  for (const auto& c : r.candidates) {
    if (c.verdict == Verdict::Distilled) distilled.push_back(quoted_candidate(c, r.correction));
    else if (c.verdict == Verdict::InsufficientEvidence) {
      insufficient.push_back(c.model);
      if (insufficient_reason.empty()) insufficient_reason = c.insufficient_reason;
    } else if (!closest_miss) closest_miss = &c;
  }
  const size_t tested = r.candidates.size();
  const std::string how = r.sweep ? fmt::format("a sweep of {} models, {}", tested,
                                                r.correction == Correction::Holm ? "Holm-corrected"
                                                : r.correction == Correction::BenjaminiHochberg
                                                    ? "Benjamini-Hochberg false discovery rate"
                                                    : "uncorrected")
                                  : r.correction == Correction::None ? "each named candidate tested on its own"
                                                                     : "corrected across the named candidates";
  std::string out;
  if (!distilled.empty())
    out += fmt::format("{} of {} tested model{} answer{} like {} beyond the panel and {} called distilled ({}, "
                       "alpha {:g}): {}.",
                       distilled.size(), tested, tested == 1 ? "" : "s", distilled.size() == 1 ? "s" : "",
                       r.reference_label, distilled.size() == 1 ? "is" : "are", how, r.alpha, listed(distilled, 8));
  else
    out += fmt::format("No model was called distilled from {}: none of the {} tested answers like it beyond the "
                       "panel at alpha {:g} ({}).",
                       r.reference_label, tested, r.alpha, how);
  if (closest_miss)
    out += fmt::format(" Closest not detected: {}; not detected is not evidence of independence.",
                       quoted_candidate(*closest_miss, r.correction));
  if (!insufficient.empty())
    out += fmt::format(" {} could not be tested: {}.", listed(insufficient, 5), insufficient_reason);
  out += "\n";
  if (r.sweep && distilled.size() < tested)
    out += "To ask about one model, name it with --candidate: it is then one question, with no correction across "
           "the store.\n";
  if (r.default_panel)
    out += fmt::format("The panel is every other model in the store: if some of them also learnt from {}, they "
                       "raise the bar; name models known to be independent (--panel, --panel-file) or declare their "
                       "provenance (--provenance).\n",
                       r.reference_label);
  out += fmt::format("A distilled verdict means related beyond the panel: a student, a version, a fine-tune or a "
                     "re-served copy of {} all look alike, and the test does not tell them apart.\n",
                     r.reference_label);
  return out;
}

json detect_result_to_json(const DetectResult& r) {
  json out = {{"reference", r.reference_label},
              {"reference_members", r.reference},
              {"family_note", r.family_note.empty() ? json(nullptr) : json(r.family_note)},
              {"components", r.components},
              {"method", r.method},
              {"null", r.null_hypothesis},
              {"summary", detect_summary(r)},
              {"correction", std::string(correction_name(r.correction))},
              {"sweep", r.sweep},
              {"family_size", r.family_size},
              {"correction_note", r.correction_note},
              {"alpha", r.alpha},
              {"panel", r.panel},
              {"panel_source", r.panel_source},
              {"scope_note", r.scope_note},
              {"candidates", json::array()}};
  for (const auto& c : r.candidates) out["candidates"].push_back(candidate_json(c));
  return out;
}

std::string detect_result_table(const DetectResult& r) {
  std::string out = detect_summary(r) + "\n";
  out += fmt::format("reference: {}\n", r.reference_label);
  if (!r.family_note.empty()) out += "family: " + r.family_note + "\n";
  out += fmt::format("method: {}\nnull: {}\npanel: {} models ({})\ncorrection: {}; distilled when the adjusted p <= {:g}\n",
                     r.method, r.null_hypothesis, r.panel.size(), r.panel_source, r.correction_note, r.alpha);
  out += "scope: " + r.scope_note + "\n\n";
  out += fmt::format("{:<34} {:>7} {:>17} {:>9} {:>9} {:<10}  {}\n", "candidate", "z", "95% interval", "p",
                     "p adj.", "null", "verdict");
  for (const auto& c : r.candidates) {
    const std::string interval = std::isfinite(c.z_interval.low)
                                     ? fmt::format("[{:.2f}, {:.2f}]", c.z_interval.low, c.z_interval.high)
                                     : "-";
    out += fmt::format("{:<34} {:>7.2f} {:>17} {:>9.2e} {:>9.2e} {:<10}  {}\n", c.model, c.z, interval, c.p_value,
                       c.p_adjusted, null_kind_name(c.null_kind), verdict_line(c));
    if (c.closest_reference != (r.reference.empty() ? "" : r.reference.front()) || r.reference.size() > 1)
      out += fmt::format("{:<34} closest member: {}\n", "", c.closest_reference);
    if (!c.siblings.empty()) out += fmt::format("{:<34} sibling cluster set aside: {}\n", "", fmt::join(c.siblings, ", "));
    if (const auto s = strongest_evidence(c); !s.empty()) out += fmt::format("{:<34} {}\n", "", s);
  }
  if (!r.candidates.empty()) out += "\nnull used: " + r.candidates.front().null_description + "\n";
  return out;
}

TextLookup store_text_lookup(Store& store) {
  // One prepared statement for every lookup (evidence asks for thousands of answers); the
  // lookup is used from one thread.
  auto statement = std::make_shared<core::Statement>(store.db().prepare(
      "SELECT text FROM responses WHERE model=? AND suite=? AND item_id=? AND error IS NULL "
      "ORDER BY sample LIMIT 1"));
  return [statement](const std::string& model, const std::string& prompt) -> std::string {
    const auto slash = prompt.find('/');
    if (slash == std::string::npos) return {};
    auto& s = *statement;
    s.reset();
    s.bind(1, model).bind(2, prompt.substr(0, slash)).bind(3, prompt.substr(slash + 1));
    return s.step() ? s.text(0) : std::string();
  };
}

}  // namespace ds::results
