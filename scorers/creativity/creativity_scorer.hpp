#pragma once
// Per-response creativity scores by task kind: dat (WordNet distance / 100), aut (fluency and
// elaboration here; originality needs every answer, see corpus_scores.hpp), constrained
// (fraction of constraints met). title and metaphor need the judge.
#include <string>

#include "core/json.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// Returns nullopt value with details["needs_judge"] = true for judge-only tasks.
Score score_creativity(const json& item_data, const std::string& response);

}  // namespace ds::scorers
