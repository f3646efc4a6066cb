#include "harness/pipeline/gates.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

Gate parse_gate(const std::string& text) {
  Gate gate;
  gate.text = text;
  if (text == "distilled") {
    gate.distilled = true;
    return gate;
  }
  const auto lt = text.find('<');
  try {
    if (lt == std::string::npos || lt == 0) throw std::invalid_argument("no '<'");
    gate.suite = text.substr(0, lt);
    size_t used = 0;
    const std::string number = text.substr(lt + 1);
    gate.threshold = std::stod(number, &used);
    if (used != number.size()) throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    throw InputError(fmt::format(
        "--fail-on '{}': expected SUITE<THRESHOLD (e.g. math<0.8) or 'distilled'", text));
  }
  return gate;
}

namespace {

void check_distilled(const lineage::DetectResult* detection, bool allow_insufficient,
                     std::vector<std::string>& failures) {
  if (!detection) {
    failures.push_back("gate 'distilled' needs --reference: nothing was tested");
    return;
  }
  for (auto& f : lineage::distilled_gate_failures(*detection, allow_insufficient)) failures.push_back(std::move(f));
}

void check_threshold(const Gate& gate, const Summary& summary, std::vector<std::string>& failures) {
  bool any_scored = false;
  for (const auto& [name, m] : summary.models) {
    const SuiteSummary* s = m.suite(gate.suite);
    if (!s || !s->score.interval) continue;
    any_scored = true;
    const double mean = s->score.interval->mean;
    if (mean < gate.threshold)
      failures.push_back(fmt::format("{}: {} mean {:.3f} < {}", name, gate.suite, mean, gate.threshold));
  }
  if (!any_scored) failures.push_back(fmt::format("gate '{}': suite '{}' is unscored", gate.text, gate.suite));
}

}  // namespace

std::vector<std::string> evaluate_gates(const std::vector<Gate>& gates, const Summary& summary,
                                        const lineage::DetectResult* detection, bool allow_insufficient) {
  std::vector<std::string> failures;
  for (const auto& gate : gates) {
    if (gate.distilled) check_distilled(detection, allow_insufficient, failures);
    else check_threshold(gate, summary, failures);
  }
  return failures;
}

}  // namespace ds::harness
