#pragma once
// Divergent Association Task (Olson et al. 2021, PNAS), scored with WordNet instead of GloVe:
// the distance of two nouns is 1 − Wu–Palmer similarity (their closest senses), the score is
// the mean pairwise distance of the first 7 valid nouns × 100. See docs/scorers.md.
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct DatResult {
  std::optional<double> score;  // 0..100; nullopt with fewer than 7 valid nouns
  std::vector<std::string> valid;    // lemmas used (at most 7)
  std::vector<std::string> invalid;  // entries that are not single WordNet nouns
  std::vector<std::string> duplicates;
};

// The DAT score of a list of words (each a candidate noun).
DatResult dat_score_words(const std::vector<std::string>& words);

// The candidate words of a free-text DAT answer (list, numbered lines or comma-separated).
std::vector<std::string> dat_words(const std::string& response);

}  // namespace ds::scorers
