#pragma once
// WordNet (Princeton, via Debian's libwordnet) behind a lock: the C library keeps global
// state and is not thread-safe. Data is read from /usr/share/wordnet (or $WNSEARCHDIR).
#include <optional>
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

// True when the WordNet database opened (once per process).
bool wordnet_available();

// The noun lemma WordNet knows for `word` (lowercased, plural → singular), or nullopt.
std::optional<std::string> wordnet_noun(const std::string& word);

// The base form of `word` by WordNet's morphy, tried as verb, noun, adjective, adverb (the
// first that changes the word), else the lowercased word itself. Used to key AUT ideas ("bricks" → "brick").
std::string wordnet_base_form(const std::string& word);

// Wu–Palmer similarity of two noun lemmas, the maximum over all their noun senses (as NLTK's
// wup_similarity: 2·depth(lcs) / (len1 + len2), depths counted from the root plus one).
// nullopt when either is not a WordNet noun.
std::optional<double> wordnet_wup_similarity(const std::string& noun_a, const std::string& noun_b);

}  // namespace ds::scorers
