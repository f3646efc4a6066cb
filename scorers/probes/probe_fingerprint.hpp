#pragma once
// Probes are not graded: their answers fingerprint a model. The scorer records a normalised
// fingerprint in `extracted` (claimed maker, chosen item, stated cutoff, refusal or not) for
// the lineage detector, and leaves the value unscored.
#include <string>

#include "core/json.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_probe(const json& item_data, const std::string& response);

// Makers named in a text ("openai", "anthropic", ...), sorted and comma-joined.
std::string named_makers(const std::string& text);

// Whether the answer opens like a refusal ("I can't help with that", "I'm sorry, but").
bool looks_like_refusal(const std::string& text);

}  // namespace ds::scorers
