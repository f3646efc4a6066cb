#include "results/reports/report_data.hpp"

#include <fmt/format.h>
#include "results/layer.hpp"

namespace ds::results {

std::string format_score_with_ci(const SuiteCell& cell) {
  if (!cell.mean) return cell.responses == 0 ? "no answers" : "unscored";
  if (!cell.ci_low || !cell.ci_high) return fmt::format("{:.3f}", *cell.mean);
  return fmt::format("{:.3f} [{:.3f}, {:.3f}]", *cell.mean, *cell.ci_low, *cell.ci_high);
}

std::string number_text(const json& object, const char* key, const char* spec) {
  if (!object.contains(key) || !object[key].is_number()) return "-";
  return fmt::format(fmt::runtime(spec), object[key].get<double>());
}

}  // namespace ds::results
