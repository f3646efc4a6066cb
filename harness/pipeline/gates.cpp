#include "harness/pipeline/gates.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

Gate parse_gate(const std::string& given) {
  Gate gate;
  gate.text = given;
  const std::string text = trim(given);
  if (text == "distilled") {
    gate.distilled = true;
    return gate;
  }
  const auto lt = text.find('<');
  try {
    if (lt == std::string::npos || lt == 0) throw std::invalid_argument("no '<'");
    gate.suite = trim(text.substr(0, lt));
    if (gate.suite.empty()) throw std::invalid_argument("no suite");
    size_t used = 0;
    const std::string number = trim(text.substr(lt + 1));
    gate.threshold = std::stod(number, &used);
    if (used != number.size()) throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    throw InputError(fmt::format(
        "--fail-on '{}': expected SUITE<THRESHOLD (e.g. math<0.8) or 'distilled'", text));
  }
  return gate;
}

std::vector<Gate> check_gates(const std::vector<std::string>& texts, const std::vector<std::string>& suites,
                              bool has_reference) {
  std::vector<Gate> gates;
  for (const auto& text : texts) {
    Gate gate = parse_gate(text);
    if (gate.distilled && !has_reference)
      throw InputError(fmt::format("--fail-on '{}' needs a reference model to test against: add --reference MODEL",
                                   text));
    if (!gate.distilled && std::find(suites.begin(), suites.end(), gate.suite) == suites.end())
      throw InputError(fmt::format("--fail-on '{}': '{}' is not a suite of this run (suites: {}); "
                                   "write SUITE<THRESHOLD with one of them",
                                   text, gate.suite, joined(suites)));
    gates.push_back(std::move(gate));
  }
  return gates;
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
    if (s && s->score.insufficient) {  // too few items scored to say it passes
      any_scored = true;
      failures.push_back(fmt::format("{}: {} is insufficient ({} of {} items scored)", name, gate.suite,
                                     s->score.items, s->score.asked));
      continue;
    }
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
