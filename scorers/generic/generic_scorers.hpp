#pragma once
// Scorers for users' own suites, named by the item's kind (tasks/suite_kind.hpp), as promptfoo
// and lm-evaluation-harness users expect: exact match of the final answer, a regular expression,
// required substrings, and a choice among labelled options. Each gives 1 or 0.
#include <string>

#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// The final answer: the text after the last "Answer:" (any case), else the last non-empty
// line; trimmed, lower-cased, without surrounding quotes, asterisks or a final period.
std::string final_answer(const std::string& response);

Score score_exact(const json& item, const std::string& response);     // item "answer"
Score score_regex(const json& item, const std::string& response);     // item "pattern"
Score score_contains(const json& item, const std::string& response);  // item "contains"
Score score_choice(const json& item, const std::string& response);    // "choices", "answer"

}  // namespace ds::scorers
