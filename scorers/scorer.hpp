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
#include "tasks/suite.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct Score {
  std::optional<double> value;  // nullopt = unscored (details["unscored"] says why)
  std::string extracted;        // normalised extracted answer / choice / fingerprint
  json details = json::object();
};

// Sends a judge request and returns the judge's text, or nullopt when the call failed.
// Provided by the runner (so judge calls use the same endpoints, retries and cache).
using JudgeFn = std::function<std::optional<std::string>(const Request&)>;

struct ScoreContext {
  SandboxLimits sandbox;  // limits for running coding answers
  JudgeFn judge;          // empty: items that need a judge stay unscored
};

// The scorer of each suite kind (tasks/suite_kind.hpp): the registry score_response uses.
struct KindScorer {
  SuiteKind kind;
  Score (*score)(const SuiteItem& item, const std::string& response, const ScoreContext& ctx);
  bool runs_in_sandbox = false;  // each answer is a sandboxed process: score them in parallel
};
const std::vector<KindScorer>& kind_scorers();

// The item's scorer, or nullptr when its kind is unknown.
const KindScorer* scorer_for(const SuiteItem& item);

// Scores one response to one item. Pure for math, coding, constrained creativity, DAT and
// probes; items needing a judge call ctx.judge. Corpus-level parts (AUT originality,
// philosophy distributions, diversity) need all responses and are added by score_store.
Score score_response(const SuiteItem& item, const std::string& response_text,
                     const ScoreContext& ctx);

}  // namespace ds::scorers
