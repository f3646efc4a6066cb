#pragma once
// The score stage of a run: every stored answer lacking a score gets one from its suite's
// scorer (scorers/scorer.hpp), corpus-level scores are added per item, and the scores are
// written back to the store.
#include <optional>
#include <string>
#include <vector>

#include "harness/pipeline/phases.hpp"
#include "results/store.hpp"
#include "scorers/scorer.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct ScoreOptions {
  ScoreContext context;
  bool rescore = false;  // recompute every score, not only the missing ones
  std::optional<std::string> model;  // restrict to one model's responses (corpus scores still
                                     // use every model's answers)
  PhaseObserver phases;  // "scoring" (with progress), "judging", "corpus scores"
};

struct ScoreStoreReport {
  int scored = 0;    // responses that got a value
  int unscored = 0;  // responses stored with value = nullopt
  std::vector<std::string> warnings;  // e.g. the sandbox is unavailable (printed once each)
};

// Scores every stored response lacking a score for its suite's scorer (or all of them with
// options.rescore), writing with Store::put_score. Two passes: every answer that needs no one
// (sandboxed coding answers on all cores), then every judge request at once
// (options.context.judge). Items whose corpus changed (a new answer
// for a philosophy or creativity item) are rescored as a whole, since a model's choice
// distribution and the diversity of its samples depend on all its answers.
ScoreStoreReport score_store(Store& store, const ScoreOptions& options = {});

// The stored item as the loader would give it.
SuiteItem suite_item_from_stored(const StoredItem& stored);

}  // namespace ds::harness
