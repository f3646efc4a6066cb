#pragma once
// Per-response creativity scores by task kind, each a function of the answer and the item's
// data alone (never of other models' answers): dat (WordNet distance / 100), aut (semantic
// distance between object and uses), constrained (fraction of constraints met). Constrained,
// title and metaphor answers must first be about their subject (relevance.hpp): off topic
// scores 0. On-topic titles and metaphors need the judge.
#include <string>

#include "core/json.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// Returns nullopt value with details["needs_judge"] = true for judge-only tasks.
Score score_creativity(const json& item_data, const std::string& response);

}  // namespace ds::scorers
