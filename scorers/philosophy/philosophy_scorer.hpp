#pragma once
// Per-response philosophy score: forced-choice answers get their parsed choice in `extracted`
// and the agreement of that single answer with the human distribution; score_store replaces
// it with the agreement of the model's whole distribution over its samples. Free-response
// items need the judge.
#include <string>

#include "core/json.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_philosophy(const json& item_data, const std::string& response);

}  // namespace ds::scorers
