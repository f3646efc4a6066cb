// validate's JSON and table (declared in validation.hpp).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "scorers/lineage/validation.hpp"

namespace ds::scorers::lineage {

namespace {

json num(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
json ci(const Interval& i) { return std::isfinite(i.low) ? json::array({i.low, i.high}) : json(nullptr); }
json rate_json(const Rate& r) {
  return {{"hits", r.hits}, {"total", r.total}, {"rate", num(r.value())}, {"ci", ci(r.ci)}};
}

std::string with_ci(double x, const Interval& i) {
  if (!std::isfinite(x)) return "-";
  if (!std::isfinite(i.low)) return fmt::format("{:.3f}", x);
  return fmt::format("{:.3f} [{:.3f}, {:.3f}]", x, i.low, i.high);
}

std::string rate_text(const Rate& r) {
  if (r.total == 0) return "-";
  return fmt::format("{}/{} = {:.3f} [{:.3f}, {:.3f}]", r.hits, r.total, r.value(), r.ci.low, r.ci.high);
}

constexpr const char* kScope =
    "what the evidence can tell apart: a candidate related to the reference beyond the panel (student, version, "
    "fine-tune, sibling, the same model re-served) from one that is not; what it cannot: which of these relations "
    "it is, or its direction, since all of them make outputs alike. A `distilled` verdict on a version or fine-tune "
    "is the test working as designed on a relative, not a detected distillation.";

std::string names_or_none(const std::vector<std::string>& v) {
  return v.empty() ? "none" : fmt::format("{}", fmt::join(v, ", "));
}

}  // namespace

std::string validation_summary(const std::vector<ValidationRow>& rows) {
  std::string out;
  for (const auto& r : rows)
    for (const auto& p : r.panels)
      out += fmt::format(
          "{} ({} panel): {} of {} known students called distilled when each is tested alone (caught: {}; missed: {}); "
          "{} of {} unrelated models wrongly called distilled ({}); in a sweep {} of {} students and {} unrelated.\n",
          r.reference, p.panel, p.caught.size(), r.positives.size(), names_or_none(p.caught), names_or_none(p.missed),
          p.false_positives.size(), r.negatives.size(), names_or_none(p.false_positives), p.sweep_tpr.hits,
          r.positives.size(), p.sweep_fpr.hits);
  return out;
}

json validation_to_json(const std::vector<ValidationRow>& rows) {
  json out = {{"references", json::array()},
              {"negatives_rule", "independent, base and proprietary models of another developer (family), not "
                                 "related to the reference; mixed models, students of other teachers and "
                                 "unlabelled models excluded"},
              {"summary", validation_summary(rows)},
              {"verdicts", "each candidate tested alone (no correction, as if named with --candidate), alpha 0.05; "
                           "sweep_*: every model tested, Benjamini-Hochberg across them"},
              {"in_sample", "the detector's components were chosen on these development sets: figures on them are "
                            "in-sample; collections the project does not have are the held-out test"},
              {"interval", "verdict rates: exact Clopper-Pearson 95%; AUROC and TPR at 5% FPR: 95% stratified "
                           "percentile bootstrap over models"},
              {"scope_note", kScope}};
  for (const auto& r : rows) {
    json panels = json::array();
    for (const auto& p : r.panels) {
      json related = json::array();
      for (const auto& g : p.related)
        related.push_back({{"relation", g.relation}, {"models", g.models}, {"called_distilled", g.called_distilled},
                           {"distilled", rate_json(g.distilled)}});
      json models = json::array();
      for (const auto& c : p.detection.candidates) {
        std::string role = "unlabelled";
        if (std::find(r.positives.begin(), r.positives.end(), c.model) != r.positives.end()) role = "positive";
        if (std::find(r.negatives.begin(), r.negatives.end(), c.model) != r.negatives.end()) role = "negative";
        for (const auto& g : p.related)
          if (std::find(g.models.begin(), g.models.end(), c.model) != g.models.end()) role = g.relation;
        json components = json::object();
        for (const auto& k : c.components) components[k.name] = num(k.z);
        models.push_back({{"model", c.model}, {"role", role}, {"statistic", num(c.statistic)}, {"z", num(c.z)},
                          {"p_value", num(c.p_value)}, {"null", std::string(null_kind_name(c.null_kind))},
                          {"verdict", std::string(verdict_word(c.verdict))}, {"closest_reference", c.closest_reference},
                          {"siblings", c.siblings}, {"components", components}});
      }
      panels.push_back({{"panel", p.panel},
                        {"panel_models", p.detection.panel},
                        {"auroc", num(p.auroc)},
                        {"auroc_ci", ci(p.auroc_ci)},
                        {"tpr_at_5pct_fpr", num(p.tpr_at_5_fpr)},
                        {"tpr_at_5pct_fpr_ci", ci(p.tpr_ci)},
                        {"distilled_verdict_fpr", rate_json(p.verdict_fpr)},
                        {"distilled_verdict_tpr", rate_json(p.verdict_tpr)},
                        {"caught", p.caught},
                        {"missed", p.missed},
                        {"false_positives", p.false_positives},
                        {"sweep_distilled_fpr", rate_json(p.sweep_fpr)},
                        {"sweep_distilled_tpr", rate_json(p.sweep_tpr)},
                        {"insufficient", p.insufficient},
                        {"related", related},
                        {"method", p.detection.method},
                        {"models", models}});
    }
    out["references"].push_back({{"reference", r.reference}, {"members", r.members}, {"positives", r.positives},
                                 {"negatives", r.negatives}, {"panels", panels}});
  }
  return out;
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  std::string out = validation_summary(rows) + "\n";
  out += fmt::format("{:<22} {:<8} {:>3} {:>3}  {:<22} {:<22} {:<28} {:<28}\n", "reference", "panel", "pos",
                                "neg", "AUROC [95% CI]", "TPR@5%FPR [95% CI]", "distilled FPR [CP 95%]",
                                "distilled TPR [CP 95%]");
  for (const auto& r : rows)
    for (const auto& p : r.panels) {
      const std::string name = r.members.size() == 1 && r.members.front() == r.reference
                                   ? r.reference
                                   : fmt::format("{} ({} versions)", r.reference, r.members.size());
      out += fmt::format("{:<22} {:<8} {:>3} {:>3}  {:<22} {:<22} {:<28} {:<28}\n", name, p.panel, r.positives.size(),
                         r.negatives.size(), with_ci(p.auroc, p.auroc_ci), with_ci(p.tpr_at_5_fpr, p.tpr_ci),
                         rate_text(p.verdict_fpr), rate_text(p.verdict_tpr));
      out += fmt::format("    in a sweep (Benjamini-Hochberg): distilled FPR {}, TPR {}\n", rate_text(p.sweep_fpr),
                         rate_text(p.sweep_tpr));
      if (p.insufficient > 0) out += fmt::format("    {} labelled models with insufficient evidence\n", p.insufficient);
      for (const auto& g : p.related)
        out += fmt::format("    {} of the reference called distilled: {}{}\n", g.relation, rate_text(g.distilled),
                           g.called_distilled.empty() ? "" : " (" + fmt::format("{}", fmt::join(g.called_distilled, ", ")) + ")");
    }
  out += "negatives: independent, base and proprietary models of another developer, unrelated to the reference; "
         "mixed models and students of other teachers excluded. Verdicts: each candidate tested alone, alpha 0.05; "
         "the curated panel is the negatives (each left out of its own null), as `detect --provenance LABELS` "
         "chooses it. Figures on the development sets are in-sample: the components were chosen on them.\n";
  out += std::string("scope: ") + kScope + "\n";
  return out;
}

}  // namespace ds::scorers::lineage
