#pragma once
// The scorer interface: one response to one suite item → Score. The scorer is chosen by the
// item's suite (scorer name == suite name). Scores live in [0, 1] so suites can be compared;
// a response that cannot be scored honestly gets value = nullopt ("unscored") and a reason.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/json.hpp"
#include "harness/core/types.hpp"
#include "results/store.hpp"
#include "scorers/coding/sandbox.hpp"
#include "tasks/suite.hpp"

namespace ds {

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

struct ScoreOptions {
  ScoreContext context;
  bool rescore = false;  // recompute every score, not only the missing ones
  std::optional<std::string> model;  // restrict to one model's responses (corpus scores still
                                     // use every model's answers)
};

struct ScoreStoreReport {
  int scored = 0;    // responses that got a value
  int unscored = 0;  // responses stored with value = nullopt
  std::vector<std::string> warnings;  // e.g. the sandbox is unavailable (printed once each)
};

// Scores one response to one item. Pure for math, coding, constrained creativity, DAT and
// probes; items needing a judge call ctx.judge. Corpus-level parts (AUT originality,
// philosophy distributions, diversity) need all responses and are added by score_store.
Score score_response(const SuiteItem& item, const std::string& response_text,
                     const ScoreContext& ctx);

// Scores every stored response lacking a score for its suite's scorer (or all of them with
// options.rescore), writing with Store::put_score. Items whose corpus changed (a new answer
// for an AUT or philosophy item) are rescored as a whole, since rarity and distributions
// depend on every answer.
ScoreStoreReport score_store(Store& store, const ScoreOptions& options = {});

// The stored item as the loader would give it.
SuiteItem suite_item_from_stored(const StoredItem& stored);

}  // namespace ds
