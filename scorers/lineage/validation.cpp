#include "scorers/lineage/validation.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "core/errors.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

namespace {

std::string field(const json& label, const char* name) {
  return label.contains(name) && label[name].is_string() ? label[name].get<std::string>() : "";
}

// Stratified bootstrap: positives and negatives resampled separately, so every resample has
// both classes.
template <class Stat>
Interval stratified_interval(size_t n_pos, size_t n_neg, Stat&& stat, int resamples,
                             uint64_t seed) {
  if (n_pos == 0 || n_neg == 0) return {NAN, NAN, NAN};
  std::vector<size_t> ip(n_pos), in(n_neg);
  std::iota(ip.begin(), ip.end(), size_t{0});
  std::iota(in.begin(), in.end(), size_t{0});
  const double point = stat(ip, in);
  SplitMix64 rng(seed);
  const auto draw = [&] {
    for (auto& i : ip) i = rng.below(n_pos);
    for (auto& i : in) i = rng.below(n_neg);
    return stat(ip, in);
  };
  return bootstrap_percentiles(point, draw, resamples, 0.95);
}

}  // namespace

std::vector<ValidationRow> validate_lineage(const Detector& detector, const json& labels,
                                            const DetectOptions& base, int resamples,
                                            uint64_t seed) {
  if (!labels.is_object() || !labels.contains("models") || !labels["models"].is_object())
    throw InputError("labels: expected an object with a \"models\" map of name -> "
                     "{kind, teacher?, family?} (see data/mtbench/lineage.json)");
  const json& models = labels["models"];
  const Corpus& corpus = detector.corpus();
  auto present = [&](const std::string& m) {
    const int i = corpus.model_index(m);
    if (i < 0) return false;
    for (const auto& cell : corpus.cells[static_cast<size_t>(i)])
      if (!cell.empty()) return true;
    return false;
  };
  std::set<std::string> teachers;
  for (auto it = models.begin(); it != models.end(); ++it) {
    if (!it.value().is_object() || field(it.value(), "kind").empty())
      throw InputError(fmt::format("labels: model '{}' needs a \"kind\"", it.key()));
    if (field(it.value(), "kind") == "distilled" && present(field(it.value(), "teacher")))
      teachers.insert(field(it.value(), "teacher"));
  }
  if (teachers.empty())
    throw InputError("labels: no labelled teacher with a distilled student is in the store; "
                     "import the labelled models first");
  std::vector<ValidationRow> rows;
  for (const auto& teacher : teachers) {
    const std::string family =
        models.contains(teacher) ? field(models[teacher], "family") : std::string();
    ValidationRow row;
    row.reference = teacher;
    for (auto it = models.begin(); it != models.end(); ++it) {
      if (it.key() == teacher || !present(it.key())) continue;
      const std::string kind = field(it.value(), "kind");
      if (kind == "distilled" && field(it.value(), "teacher") == teacher)
        row.positives.push_back(it.key());
      else if (kind == "independent" || kind == "base")
        row.negatives.push_back(it.key());
      else if (kind == "proprietary" && (family.empty() || field(it.value(), "family") != family))
        row.negatives.push_back(it.key());
    }
    DetectOptions options = base;
    options.reference = teacher;
    row.detection = detector.detect(options);
    std::map<std::string, const CandidateResult*> by_model;
    for (const auto& c : row.detection.candidates) by_model[c.model] = &c;
    std::vector<double> sp, sn, dp, dn;
    for (const auto& m : row.positives) {
      sp.push_back(by_model.at(m)->score);
      dp.push_back(by_model.at(m)->verdict == "distilled");
    }
    for (const auto& m : row.negatives) {
      sn.push_back(by_model.at(m)->score);
      dn.push_back(by_model.at(m)->verdict == "distilled");
    }
    auto pick = [](const std::vector<double>& v, const std::vector<size_t>& idx) {
      std::vector<double> out;
      for (size_t i : idx) out.push_back(v[i]);
      return out;
    };
    auto mean = [](const std::vector<double>& v) {
      double s = 0;
      for (double x : v) s += x;
      return v.empty() ? NAN : s / static_cast<double>(v.size());
    };
    row.auroc = auroc(sp, sn);
    row.tpr_at_5_fpr = tpr_at_fpr(sp, sn, 0.05);
    row.verdict_fpr = mean(dn);
    row.verdict_tpr = mean(dp);
    row.auroc_ci = stratified_interval(sp.size(), sn.size(), [&](const auto& ip, const auto& in) {
      return auroc(pick(sp, ip), pick(sn, in)); }, resamples, seed);
    row.tpr_ci = stratified_interval(sp.size(), sn.size(), [&](const auto& ip, const auto& in) {
      return tpr_at_fpr(pick(sp, ip), pick(sn, in), 0.05); }, resamples, seed + 1);
    row.verdict_fpr_ci = stratified_interval(sp.size(), sn.size(), [&](const auto&, const auto& in) {
      return mean(pick(dn, in)); }, resamples, seed + 2);
    row.verdict_tpr_ci = stratified_interval(sp.size(), sn.size(), [&](const auto& ip, const auto&) {
      return mean(pick(dp, ip)); }, resamples, seed + 3);
    rows.push_back(std::move(row));
  }
  return rows;
}

json validation_to_json(const std::vector<ValidationRow>& rows) {
  json out = {{"references", json::array()},
              {"negatives_rule", "independent and base models, and proprietary models of another "
                                 "family; mixed models and students of other teachers excluded"},
              {"interval", "95% stratified percentile bootstrap over models"}};
  auto ci = [](const Interval& i) { return json::array({i.low, i.high}); };
  for (const auto& r : rows) {
    json models = json::array();
    for (const auto& c : r.detection.candidates) {
      std::string role = "excluded";
      if (std::find(r.positives.begin(), r.positives.end(), c.model) != r.positives.end()) role = "positive";
      if (std::find(r.negatives.begin(), r.negatives.end(), c.model) != r.negatives.end()) role = "negative";
      models.push_back({{"model", c.model}, {"role", role}, {"score", c.score},
                        {"p_value", c.p_value}, {"p_adjusted", c.p_adjusted},
                        {"verdict", c.verdict}, {"components", c.components}});
    }
    out["references"].push_back({{"reference", r.reference},
                                 {"positives", r.positives},
                                 {"negatives", r.negatives},
                                 {"auroc", r.auroc},
                                 {"auroc_ci", ci(r.auroc_ci)},
                                 {"tpr_at_5pct_fpr", r.tpr_at_5_fpr},
                                 {"tpr_at_5pct_fpr_ci", ci(r.tpr_ci)},
                                 {"distilled_verdict_fpr", r.verdict_fpr},
                                 {"distilled_verdict_fpr_ci", ci(r.verdict_fpr_ci)},
                                 {"distilled_verdict_tpr", r.verdict_tpr},
                                 {"distilled_verdict_tpr_ci", ci(r.verdict_tpr_ci)},
                                 {"method", r.detection.method},
                                 {"models", models}});
  }
  return out;
}

std::string validation_table(const std::vector<ValidationRow>& rows) {
  std::string out = fmt::format("{:<18} {:>4} {:>4}  {:<22} {:<22} {:<22} {:<22}\n", "reference",
                                "pos", "neg", "AUROC [95% CI]", "TPR@5%FPR [95% CI]",
                                "distilled FPR [CI]", "distilled TPR [CI]");
  for (const auto& r : rows)
    out += fmt::format("{:<18} {:>4} {:>4}  {:<22} {:<22} {:<22} {:<22}\n", r.reference,
                       r.positives.size(), r.negatives.size(),
                       fmt::format("{:.3f} [{:.3f}, {:.3f}]", r.auroc, r.auroc_ci.low, r.auroc_ci.high),
                       fmt::format("{:.3f} [{:.3f}, {:.3f}]", r.tpr_at_5_fpr, r.tpr_ci.low, r.tpr_ci.high),
                       fmt::format("{:.3f} [{:.3f}, {:.3f}]", r.verdict_fpr, r.verdict_fpr_ci.low, r.verdict_fpr_ci.high),
                       fmt::format("{:.3f} [{:.3f}, {:.3f}]", r.verdict_tpr, r.verdict_tpr_ci.low, r.verdict_tpr_ci.high));
  out += "negatives: independent + base + proprietary of another family; mixed models and "
         "students of other teachers excluded. Intervals: 95% stratified bootstrap over models.\n";
  return out;
}

}  // namespace ds::scorers::lineage
