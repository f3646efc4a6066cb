#pragma once
// The judge: a rubric prompt per item kind, and a robust reader of the judge's score. The
// call itself goes through the runner (same endpoints, retries and cache as every request).
#include <optional>
#include <string>

#include "core/types.hpp"
#include "tasks/suite.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// "creativity.title", "creativity.metaphor", "philosophy.free", or "" when the item is scored
// without a judge.
std::string judge_kind(const SuiteItem& item);

// The rubric text for a kind (an item's own `rubric` field is appended by the request).
std::string judge_rubric(const std::string& kind);

// The request sent to the judge model: the rubric, the task as the model saw it, the response,
// and the instruction to end with "Score: N/10". Temperature 0.
Request build_judge_request(const SuiteItem& item, const std::string& response);

// Reads the score from judge text, normalised to [0, 1]: "Score: 7/10", "Rating: 4 out of 5",
// "[[8]]" (MT-bench style, out of 10), "Score: 7" (out of 10). The last such mention wins;
// values above their maximum, or no score at all, give nullopt.
std::optional<double> parse_judge_score(const std::string& judge_text);

}  // namespace ds::scorers
