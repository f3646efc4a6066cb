#include "results/reports/report_data.hpp"

#include <fmt/format.h>

namespace ds::results {

std::string format_score_with_ci(const SuiteCell& cell) {
  if (!cell.mean) return cell.responses == 0 ? "no answers" : "unscored";
  if (!cell.ci_low || !cell.ci_high) return fmt::format("{:.3f}", *cell.mean);
  return fmt::format("{:.3f} [{:.3f}, {:.3f}]", *cell.mean, *cell.ci_low, *cell.ci_high);
}

std::string verdict_class(const std::string& verdict) {
  // Words of the detector (distilled / not detected / insufficient evidence) and of the
  // lineage pairs (related / inconclusive / unrelated), and the older words still stored.
  if (verdict == "distilled" || verdict == "related") return "distilled";
  if (verdict == "not detected" || verdict == "independent" || verdict == "unrelated")
    return "not-detected";
  if (verdict == "insufficient evidence" || verdict == "inconclusive") return "insufficient";
  return "other";
}

}  // namespace ds::results
