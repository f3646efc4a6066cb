#pragma once
// Scores that need more than one answer to an item: a model's philosophy distribution over
// its own samples, and the diversity of a model's own creative samples. Never across models:
// a model's score does not depend on which other models share the store. Applied by
// score_store after the per-response scores.
#include <string>
#include <vector>

#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct ScoredResponse {
  int64_t response_id = 0;
  std::string model;
  std::string text;
  Score score;  // the per-response score, updated in place
};

// `group` holds every stored answer to `item` (all models and samples).
void apply_corpus_scores(const SuiteItem& item, std::vector<ScoredResponse>& group);

// True when an item's scores depend on other answers than the one scored.
bool has_corpus_scores(const SuiteItem& item);

}  // namespace ds::scorers
