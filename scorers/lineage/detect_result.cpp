#include "scorers/lineage/detect_result.hpp"

#include <fmt/format.h>

namespace ds::scorers::lineage {

std::vector<std::string> distilled_gate_failures(const DetectResult& r, bool allow_insufficient) {
  std::vector<std::string> failures;
  for (const auto& c : r.candidates) {
    if (c.verdict == Verdict::Distilled)
      failures.push_back(fmt::format("{} is distilled from {} (adjusted p {:.3g}, {} null; correction: {})", c.model,
                                     c.closest_reference, c.p_adjusted, null_kind_name(c.null_kind),
                                     r.correction_note));
    else if (c.verdict == Verdict::InsufficientEvidence && !allow_insufficient)
      failures.push_back(fmt::format("{}: insufficient evidence to test against {}: {} (--allow-insufficient lets "
                                     "this pass)", c.model, r.reference_label, c.insufficient_reason));
  }
  return failures;
}

}  // namespace ds::scorers::lineage
