#pragma once
// Why a stored answer got its score, read from the scorer's stored details: the expected
// answer, what was extracted, which checks failed, or why it is unscored.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct ScoreReason {
  bool graded = true;  // false for fingerprint probes: recorded for lineage, never graded
  std::string expected;
  std::string extracted;
  std::vector<std::string> failed_checks;
  std::string unscored_reason;
};

// item_data: the stored suite item; details/extracted: the stored score (details null when
// the answer has no score row yet).
ScoreReason score_reason(const std::string& suite, const json& item_data, const std::string& extracted,
                         const json& details, bool has_score);

// One line for people: "expected 12, got 13" / "failed: test_empty (AssertionError)" / ...
std::string reason_line(const ScoreReason& reason, std::optional<double> score);

// Reasons with how many answers gave each, commonest first: "96 needs a judge; 72 no choice".
std::string counted_reasons(const std::map<std::string, size_t>& reasons);

// The expected answer of a suite item as text, "" when it has none.
std::string expected_answer(const json& item_data);

}  // namespace ds::results
