#pragma once
// Constrained writing: each checkable constraint of the item is one check; the score is the
// fraction of checks passed. See docs/scorers.md for the rhyme heuristic.
#include <string>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// Checks `text` against constraints {"max_words", "min_words", "forbidden_letter",
// "required_words": [...], "forbidden_words": [...], "lines", "rhyme_scheme": "AABB",
// "acrostic": "WORD"}. Returns
// {"checks": [{"name", "passed", "detail"}...], "passed": k, "total": n}; unknown keys are
// listed under "ignored".
json check_constraints(const std::string& text, const json& constraints);

// Whether two words rhyme by the last-syllable heuristic: the final vowel group and what
// follows it match ("night"/"light", "make"/"take" after dropping a silent e).
bool words_rhyme(const std::string& a, const std::string& b);

// The text the constraints apply to: the answer without an introduction line ending in ':',
// and without code fence lines.
std::string constrained_body(const std::string& response);

}  // namespace ds::scorers
