#include "scorers/lineage/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "scorers/lineage/lineage_labels.hpp"

namespace ds::scorers::lineage {

namespace {

// Stratified bootstrap: positives and negatives resampled separately, so every resample has
// both classes.
template <class Stat>
Interval stratified_interval(size_t n_pos, size_t n_neg, Stat&& stat, int resamples, uint64_t seed) {
  if (n_pos == 0 || n_neg == 0) return {NAN, NAN, NAN};
  SplitMix64 rng(seed);
  std::vector<double> values;
  std::vector<size_t> ip(n_pos), in(n_neg);
  for (int r = 0; r < resamples; ++r) {
    for (auto& i : ip) i = rng.below(n_pos);
    for (auto& i : in) i = rng.below(n_neg);
    const double v = stat(ip, in);
    if (std::isfinite(v)) values.push_back(v);
  }
  if (values.empty()) return {NAN, NAN, NAN};
  std::sort(values.begin(), values.end());
  auto at = [&](double q) { return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1) + 0.5)]; };
  return {NAN, at(0.025), at(0.975)};
}

std::vector<double> pick(const std::vector<double>& v, const std::vector<size_t>& idx) {
  std::vector<double> out;
  for (size_t i : idx) out.push_back(v[i]);
  return out;
}

Rate rate(size_t hits, size_t total) { return {hits, total, clopper_pearson(hits, total)}; }

// The stored models standing for a labelled teacher: itself, or its versions "<teacher>-*".
std::vector<std::string> teacher_members(const std::string& teacher, const std::vector<std::string>& present) {
  if (std::find(present.begin(), present.end(), teacher) != present.end()) return {teacher};
  std::vector<std::string> out;
  for (const auto& m : present)
    if (m.rfind(teacher + "-", 0) == 0) out.push_back(m);
  return out;
}

PanelValidation evaluate_panel(const Detector& detector, const DetectOptions& base, const ValidationRow& row,
                               const ReferenceRoles& roles, bool curated, int resamples, uint64_t seed) {
  PanelValidation out;
  out.panel = curated ? "curated" : "default";
  DetectOptions o = base;
  o.reference = row.members;
  o.correction = Correction::None;  // each candidate as if named alone
  o.bootstrap = 0;
  o.evidence = false;
  if (curated) {
    o.panel = row.negatives;
    o.panel_source = "curated: the labelled negatives (each left out of its own null)";
  }
  // Every model tested once, each alone. The statistic depends on the panel, not on who else is
  // tested, so the default sweep's verdicts are these p-values with Benjamini-Hochberg across
  // every model: no second detection.
  out.detection = detector.detect(o);
  std::map<std::string, const CandidateResult*> by_model;
  for (const auto& c : out.detection.candidates) by_model[c.model] = &c;
  std::vector<double> ps;
  for (const auto& c : out.detection.candidates) ps.push_back(c.p_value);
  const auto q = adjust_p_values(ps, Correction::BenjaminiHochberg);
  size_t sweep_tp = 0, sweep_fp = 0;
  for (size_t k = 0; k < out.detection.candidates.size(); ++k) {
    const auto& c = out.detection.candidates[k];
    if (c.verdict == Verdict::InsufficientEvidence || !(q[k] <= o.alpha)) continue;
    sweep_tp += std::find(row.positives.begin(), row.positives.end(), c.model) != row.positives.end();
    sweep_fp += std::find(row.negatives.begin(), row.negatives.end(), c.model) != row.negatives.end();
  }
  out.sweep_tpr = rate(sweep_tp, row.positives.size());
  out.sweep_fpr = rate(sweep_fp, row.negatives.size());
  std::vector<double> sp, sn;
  size_t tp = 0, fp = 0;
  for (const auto& m : row.positives) {
    sp.push_back(by_model.at(m)->statistic);
    tp += by_model.at(m)->verdict == Verdict::Distilled;
    (by_model.at(m)->verdict == Verdict::Distilled ? out.caught : out.missed).push_back(m);
    out.insufficient += by_model.at(m)->verdict == Verdict::InsufficientEvidence;
  }
  for (const auto& m : row.negatives) {
    sn.push_back(by_model.at(m)->statistic);
    fp += by_model.at(m)->verdict == Verdict::Distilled;
    if (by_model.at(m)->verdict == Verdict::Distilled) out.false_positives.push_back(m);
    out.insufficient += by_model.at(m)->verdict == Verdict::InsufficientEvidence;
  }
  out.auroc = auroc(sp, sn);
  out.tpr_at_5_fpr = tpr_at_fpr(sp, sn, 0.05);
  out.auroc_ci = stratified_interval(sp.size(), sn.size(), [&](const auto& ip, const auto& in) {
    return auroc(pick(sp, ip), pick(sn, in)); }, resamples, seed);
  out.tpr_ci = stratified_interval(sp.size(), sn.size(), [&](const auto& ip, const auto& in) {
    return tpr_at_fpr(pick(sp, ip), pick(sn, in), 0.05); }, resamples, seed + 1);
  out.verdict_fpr = rate(fp, sn.size());
  out.verdict_tpr = rate(tp, sp.size());
  for (const auto& [relation, models] : roles.related) {
    RelatedGroup g;
    g.relation = relation;
    g.models = models;
    for (const auto& m : models)
      if (by_model.at(m)->verdict == Verdict::Distilled) g.called_distilled.push_back(m);
    g.distilled = rate(g.called_distilled.size(), models.size());
    out.related.push_back(std::move(g));
  }
  return out;
}

}  // namespace

std::vector<ValidationRow> validate_lineage(const Detector& detector, const json& labels_json,
                                            const DetectOptions& base, int resamples, uint64_t seed) {
  const auto labels = read_lineage_labels(labels_json);
  const Corpus& corpus = detector.corpus();
  std::vector<std::string> present;
  for (size_t m = 0; m < corpus.models.size(); ++m)
    if (corpus.answered(static_cast<int>(m))) present.push_back(corpus.models[m]);
  std::vector<std::string> teachers;
  for (const auto& [name, l] : labels)
    if (l.kind == "distilled" && std::find(present.begin(), present.end(), name) != present.end())
      for (const auto& t : l.teachers)
        if (!teacher_members(t, present).empty() && std::find(teachers.begin(), teachers.end(), t) == teachers.end())
          teachers.push_back(t);
  std::sort(teachers.begin(), teachers.end());
  if (teachers.empty())
    throw InputError("labels: no labelled teacher of a distilled student is in the store (by name or as "
                     "'<teacher>-*' versions); import the labelled models first");
  std::vector<ValidationRow> rows;
  for (const auto& teacher : teachers) {
    ValidationRow row;
    row.reference = teacher;
    row.members = teacher_members(teacher, present);
    const auto roles = reference_roles(labels, teacher, row.members, present);
    row.positives = roles.positives;
    row.negatives = roles.negatives;
    if (row.positives.empty()) continue;
    for (bool curated : {false, true})
      row.panels.push_back(evaluate_panel(detector, base, row, roles, curated, resamples, seed));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ds::scorers::lineage
