#pragma once
// What a person can check: evidence items quoted verbatim from the stored answers (original
// case and punctuation), with the prompt ids they come from.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Evidence {
  // A component's name (pair, identity, errors, neighbours, ...) or "shared-passage".
  std::string kind;
  std::string detail;  // one sentence a person can check
  std::vector<std::string> prompt_ids;
  double statistic = NAN;       // the component's z-score (shared passages: length in tokens)
  std::string quote;            // verbatim from the candidate's answer ("" when none)
  std::string reference_quote;  // verbatim from the reference's answer ("" when none)
  std::string expected;         // errors: the item's expected answer ("" when unknown)
  // shared-passage: how many of the panel answers checked on that prompt contain it too.
  std::optional<size_t> panel_sharing;
  size_t panel_checked = 0;
};

// A passage two texts share: at least `min_words` tokens in the same order. Offsets are byte
// positions in each original text, so the quote keeps its case and punctuation.
struct SharedPassage {
  size_t words = 0;
  size_t a_begin = 0, a_end = 0;  // in the first text
  size_t b_begin = 0, b_end = 0;  // in the second text
  std::vector<std::string> tokens;  // lower-case tokens (to look the passage up elsewhere)
};

// Maximal shared token runs (>= min_words), longest first, none inside a longer one.
std::vector<SharedPassage> shared_passages(const std::string& a, const std::string& b,
                                           size_t min_words, size_t max_passages);

// Whether `text` contains the token sequence (lower-case tokens, as tokenize() gives them).
bool contains_tokens(const std::string& text, const std::vector<std::string>& tokens);

// Longest word sequences (>= min_words) shared by two texts, longest first, quoted verbatim
// from the first text.
std::vector<std::string> shared_phrases(const std::string& a, const std::string& b,
                                        size_t min_words, size_t max_phrases);

}  // namespace ds::scorers::lineage
