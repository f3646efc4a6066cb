#include "harness/pipeline/gates.hpp"

#include <fmt/format.h>

#include "harness/core/errors.hpp"

namespace ds {

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

std::vector<std::string> evaluate_gates(const std::vector<Gate>& gates, const json& summary,
                                        const json& detection) {
  std::vector<std::string> failures;
  const json models = summary.contains("models") ? summary["models"] : json::object();
  for (const auto& gate : gates) {
    if (gate.distilled) {
      if (detection.is_null() || !detection.contains("candidates")) {
        failures.push_back("gate 'distilled' needs --reference: nothing was tested");
        continue;
      }
      for (const auto& c : detection["candidates"])
        if (c.value("verdict", "") == "distilled")
          failures.push_back(fmt::format("{} is distilled from {} (p_adjusted {:.3g})",
                                         c.value("model", ""), detection.value("reference", ""),
                                         c.value("p_adjusted", 1.0)));
      continue;
    }
    bool any_scored = false;
    for (const auto& [name, m] : models.items()) {
      if (!m.contains("suites") || !m["suites"].contains(gate.suite)) continue;
      const json& s = m["suites"][gate.suite];
      if (!s.contains("mean") || !s["mean"].is_number()) continue;
      any_scored = true;
      const double mean = s["mean"].get<double>();
      if (mean < gate.threshold)
        failures.push_back(fmt::format("{}: {} mean {:.3f} < {}", name, gate.suite, mean, gate.threshold));
    }
    if (!any_scored) failures.push_back(fmt::format("gate '{}': suite '{}' is unscored", gate.text, gate.suite));
  }
  return failures;
}

}  // namespace ds
