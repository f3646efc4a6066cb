#pragma once
// Probes are not graded: their answers fingerprint a model. The scorer records a normalised
// fingerprint in `extracted` for the lineage detector, and leaves the value unscored: the
// claimed maker (identity), the chosen item (choice: the number for number kinds, else the
// bold pick or the first line), the stated date (cutoff), and "complied" or "refused: " with
// the refusal's first words (refusal). Sampled many times, these become the answer
// distributions that scorers/lineage/probe_distributions compares.
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
