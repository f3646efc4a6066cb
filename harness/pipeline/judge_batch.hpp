#pragma once
// Every judge request of a run through one Runner::run: the judge endpoint's concurrency,
// rate limits, retries and cache apply to all of them at once (a resumed run finds the calls
// already answered in the cache). A reply without a score is asked once more, in the same
// run, with what was wrong with it; a second reply without one leaves the answer unscored
// with the reason.
#include <functional>
#include <vector>

#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/runner/runner.hpp"
#include "scorers/judge/judge.hpp"
#include "scorers/scorer.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct JudgeBatchStats {
  RunnerStats runner;
  size_t asked_again = 0;  // replies without a score that were asked once more
};

// Called once per request with its final verdict, as soon as it is known (so the caller can
// store scores while the rest are still being judged); requests left unasked because the
// runner was stopped get one saying so at the end.
using VerdictFn = JudgeVerdictFn;

// Judges `requests` on `runner` (its options: concurrency, limits, cache; request_stop()
// from another thread stops the batch). Returns the runner's figures.
JudgeBatchStats run_judge_batch(Runner& runner, const ModelSpec& judge, const std::vector<Request>& requests,
                                const VerdictFn& on_verdict);

// The same, collecting the verdicts in request order.
std::vector<JudgeVerdict> run_judge_batch(const ModelSpec& judge, const std::vector<Request>& requests,
                                          const RunnerOptions& options, JudgeBatchStats* stats = nullptr);

}  // namespace ds::harness
