#include "scorers/lineage/candidate_test.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/errors.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

std::string_view verdict_word(Verdict v) {
  switch (v) {
    case Verdict::Distilled: return "distilled";
    case Verdict::NotDetected: return "not detected";
    case Verdict::InsufficientEvidence: return "insufficient evidence";
  }
  return "";
}

std::string_view null_kind_name(NullKind k) {
  switch (k) {
    case NullKind::Conformal: return "conformal";
    case NullKind::Parametric: return "parametric";
    case NullKind::Unavailable: return "unavailable";
  }
  return "";
}

std::string_view correction_name(Correction c) {
  switch (c) {
    case Correction::Holm: return "holm";
    case Correction::BenjaminiHochberg: return "bh";
    case Correction::None: return "none";
  }
  return "";
}

Correction parse_correction(const std::string& text) {
  if (text == "holm") return Correction::Holm;
  if (text == "bh") return Correction::BenjaminiHochberg;
  if (text == "none") return Correction::None;
  throw InputError(fmt::format("--correction '{}': expected holm, bh or none", text));
}

NullMethod parse_null_method(const std::string& text) {
  if (text == "t") return NullMethod::Parametric;
  if (text == "rank") return NullMethod::Rank;
  throw InputError(fmt::format("--null '{}': expected t (the default) or rank", text));
}

size_t conformal_panel_needed(double alpha, size_t family) {
  // 1 / (n + 1) <= alpha / k  <=>  n >= k / alpha - 1.
  return static_cast<size_t>(std::ceil(static_cast<double>(std::max<size_t>(1, family)) / alpha - 1.0 - 1e-9));
}

NullTest candidate_null_test(double t, const std::vector<double>& panel, double alpha, size_t family,
                             NullMethod method) {
  NullTest out;
  const size_t n = panel.size();
  const size_t k = std::max<size_t>(1, family);
  const double level = alpha / static_cast<double>(k);
  const auto scale = robust_scale(panel);
  if (scale.scale > 0) out.z = scale.z(t);
  const size_t needed = conformal_panel_needed(alpha, k);
  const std::string per_test = k == 1 ? fmt::format("alpha = {:g}", alpha)
                                      : fmt::format("alpha / k = {:g} / {} = {:.2g}", alpha, k, level);
  if (method == NullMethod::Rank && n >= needed) {
    out.kind = NullKind::Conformal;
    const double at_least = static_cast<double>(std::count_if(panel.begin(), panel.end(), [&](double x) { return x >= t; }));
    out.p = (1.0 + at_least) / (static_cast<double>(n) + 1.0);
    // The candidate must exceed the (m + 1)-th highest panel statistic, m = floor(level (n+1)) - 1.
    std::vector<double> sorted(panel);
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const size_t m = static_cast<size_t>(std::floor(level * (static_cast<double>(n) + 1.0) + 1e-9)) - 1;
    if (scale.scale > 0) out.detectable_z = scale.z(sorted[std::min(m, n - 1)]);
    out.description = fmt::format(
        "exact conformal rank among {} panel models (candidate left out): p = (1 + #{{panel T >= T(C)}}) / (n + 1), "
        "valid when the candidate is exchangeable with the panel models (unrelated to the reference like them)",
        n);
    return out;
  }
  if (n >= kMinParametricPanel && scale.scale > 0) {
    out.kind = NullKind::Parametric;
    out.p = panel_upper_p(out.z, n);
    out.detectable_z = panel_upper_z(level, n);
    const double df = std::min(5.0, std::max(1.0, 0.37 * (static_cast<double>(n) - 1.0)));
    out.description = fmt::format(
        "null hypothesis: the candidate is unrelated to the reference like the {} panel models (candidate left "
        "out); z = (T - panel median) / (1.4826 panel MAD), p = P(t{:.1f} >= z / sqrt(1 + 1/n)), a Student t whose "
        "tail was calibrated on the development sets' labelled unrelated models (per test at {})",
        n, df, per_test);
    return out;
  }
  out.kind = NullKind::Unavailable;
  if (n >= kMinParametricPanel) {
    out.insufficient = fmt::format(
        "the {} panel models' statistics have no spread, so no null can be fitted; add models you know are "
        "independent of the reference (--panel / --panel-file / --provenance) or run more models on the same prompts",
        n);
  } else {
    out.insufficient = fmt::format(
        "the panel has {} model{} (candidate left out) and the test needs at least {}; add {} or more models you "
        "know are independent of the reference (--panel / --panel-file / --provenance), or run more models on the "
        "same prompts",
        n, n == 1 ? "" : "s", kMinParametricPanel, kMinParametricPanel - n);
  }
  out.description = "no null available: " + out.insufficient;
  return out;
}

std::vector<double> adjust_p_values(const std::vector<double>& p, Correction correction) {
  std::vector<double> clean(p);
  for (auto& x : clean)
    if (!std::isfinite(x)) x = 1.0;
  switch (correction) {
    case Correction::Holm: return holm_adjust(clean);
    case Correction::BenjaminiHochberg: return bh_adjust(clean);
    case Correction::None: return clean;
  }
  return clean;
}

}  // namespace ds::scorers::lineage
