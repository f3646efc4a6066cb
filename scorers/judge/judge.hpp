#pragma once
// The judge: a rubric prompt per item kind, a robust reader of the judge's score, and the
// one follow-up a reply without a score gets. The calls themselves go through the runner
// (same endpoints, limits, retries and cache as every request), all of a run's in one batch.
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

// What a judge's reply says: its score in [0, 1], or why it has none.
struct JudgeReading {
  std::optional<double> value;
  std::string problem;  // set when value is nullopt
};

// Reads the score from judge text, normalised to [0, 1]: "Score: 7/10", "Rating: 4 out of 5",
// "[[8]]" (MT-bench style, out of 10), "Score: 7" (out of 10). The last such mention wins;
// values above their maximum, or no score at all, give no value and the problem.
JudgeReading read_judge_reply(const std::string& judge_text);
std::optional<double> parse_judge_score(const std::string& judge_text);  // just the value

// The judge asked once more: the first conversation, the judge's reply, and what was wrong
// with it, with the instruction to end with "Score: N/10".
Request judge_retry_request(const Request& first, const std::string& reply, const std::string& problem);

// What came of judging one answer, after at most one retry.
struct JudgeVerdict {
  std::optional<double> value;
  std::string text;      // the judge's last reply ("" when no reply came)
  std::string unscored;  // why there is no value
  int replies = 0;       // judge replies read: 0 (the call failed), 1 or 2
};

}  // namespace ds::scorers
