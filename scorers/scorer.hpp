#pragma once
// The scorer interface: one response to one suite item → Score. The scorer is chosen by the
// item's kind (tasks/suite_kind.hpp); scores are stored under the suite's name. Scores live in [0, 1] so suites can be compared;
// a response that cannot be scored honestly gets value = nullopt ("unscored") and a reason.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/types.hpp"
#include "scorers/coding/sandbox.hpp"
#include "scorers/judge/judge.hpp"
#include "tasks/suite.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct Score {
  std::optional<double> value;  // nullopt = unscored (details["unscored"] says why)
  std::string extracted;        // normalised extracted answer / choice / fingerprint
  json details = json::object();
};

// Judges a batch, calling on_verdict once per request (index into the batch) as each
// verdict is known. Provided by the harness, which sends every judge request of a run
// through one runner (the judge endpoint's concurrency, rate limits, retries, cache) and
// asks a reply without a score once more.
using JudgeVerdictFn = std::function<void(size_t index, JudgeVerdict&& verdict)>;
using JudgeFn = std::function<void(const std::vector<Request>& requests, const JudgeVerdictFn& on_verdict)>;

struct ScoreContext {
  SandboxLimits sandbox;  // limits for running coding answers
  JudgeFn judge;          // empty: items that need a judge stay unscored
};

// The scorer of each suite kind (tasks/suite_kind.hpp): the registry score_response uses.
struct KindScorer {
  SuiteKind kind;
  Score (*score)(const SuiteItem& item, const std::string& response, const ScoreContext& ctx);
  bool runs_in_sandbox = false;  // each answer is a sandboxed process: score them in parallel
  // What the scorer runs for an answer (for coding: the extracted program). Answers to one item
  // with the same key get the same score, so a scoring pass runs each key once; null: every
  // answer is scored on its own.
  std::string (*execution_key)(const SuiteItem& item, const std::string& response) = nullptr;
};
const std::vector<KindScorer>& kind_scorers();

// The item's scorer, or nullptr when its kind is unknown.
const KindScorer* scorer_for(const SuiteItem& item);

// Scores one response to one item without calling anyone. Items that need a judge come back
// unscored with details "needs_judge" (see judge_request_for). Corpus-level parts (AUT
// originality, philosophy distributions, diversity) need all responses and are added by
// score_store.
Score score_response(const SuiteItem& item, const std::string& response_text,
                     const ScoreContext& ctx);

// The judge request a scored response still waits for, or nullopt when it needs none.
std::optional<Request> judge_request_for(const SuiteItem& item, const std::string& response_text,
                                         const Score& score);

// Records the judge's verdict in a score that waited for it.
void apply_judge_verdict(Score& score, const JudgeVerdict& verdict);

}  // namespace ds::scorers
