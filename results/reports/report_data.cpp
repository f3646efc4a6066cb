#include "results/reports/report_data.hpp"

#include <fmt/format.h>

namespace ds::results {

std::string format_score_with_ci(const SuiteCell& cell) {
  if (cell.insufficient) return fmt::format("insufficient ({} of {} items)", cell.scored, cell.asked);
  if (!cell.mean) return cell.responses == 0 ? "no answers" : "unscored";
  if (!cell.ci_low || !cell.ci_high) return fmt::format("{:.3f}", *cell.mean);
  return fmt::format("{:.3f} [{:.3f}, {:.3f}]", *cell.mean, *cell.ci_low, *cell.ci_high);
}

std::string verdict_class(std::string_view verdict) {
  if (verdict == lineage::verdict_word(lineage::Verdict::Distilled)) return "distilled";
  if (verdict == lineage::verdict_word(lineage::Verdict::NotDetected)) return "not-detected";
  return "insufficient";
}

std::string verdict_class(lineage::Verdict verdict) { return verdict_class(lineage::verdict_word(verdict)); }

}  // namespace ds::results
