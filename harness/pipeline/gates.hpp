#pragma once
// CI gates (`run --fail-on`): promptfoo-style thresholds on suite means, and a gate on the
// detector's verdict. A failed gate makes `run` exit with code 1.
#include <optional>
#include <string>
#include <vector>

#include "harness/pipeline/summary.hpp"
#include "scorers/lineage/detector.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct Gate {
  std::string suite;      // empty for the "distilled" gate
  double threshold = 0;   // fails when a model's mean score is below it
  bool distilled = false; // fails on a "distilled" verdict, and on "insufficient evidence" unless allowed
  std::string text;
};

// "math<0.8", "coding < 0.5", "distilled"; InputError otherwise.
Gate parse_gate(const std::string& text);

// Before any request: each gate parses, a suite gate names a suite of this run (`suites`),
// and 'distilled' comes with a reference. InputError naming the gate and what to write.
std::vector<Gate> check_gates(const std::vector<std::string>& texts, const std::vector<std::string>& suites,
                              bool has_reference);

// detection: nullptr when no reference was tested. Returns one line per failure. A gate on a
// suite that no model was scored on fails too: an unscored suite must not pass silently; the
// distilled gate fails on insufficient evidence too (with its reason) unless allow_insufficient.
std::vector<std::string> evaluate_gates(const std::vector<Gate>& gates, const Summary& summary,
                                        const lineage::DetectResult* detection,
                                        bool allow_insufficient = false);

}  // namespace ds::harness
