#pragma once
// The math scorer: 1 when the extracted final answer equals the item's `answer` exactly (as
// rationals), else 0. `extracted` holds the canonical answer ("3/4", "-12") so the lineage
// detector can compare wrong answers between models.
#include <string>

#include "core/json.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_math(const json& item_data, const std::string& response);

}  // namespace ds::scorers
