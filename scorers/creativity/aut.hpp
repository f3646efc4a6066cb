#pragma once
// Alternative Uses Task: fluency, elaboration, and originality as the semantic distance
// between the object and each use, a function of the answer and the item alone. See
// docs/scorers.md.
#include <optional>
#include <set>
#include <string>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

using IdeaKey = std::set<std::string>;  // content-word lemmas of one use

struct AutAnswer {
  std::vector<std::string> uses;  // as written
  std::vector<IdeaKey> ideas;     // distinct, non-empty keys
  int fluency = 0;                // number of distinct ideas
  double elaboration = 0;         // mean words per use
};

// Parses an answer: one use per list entry; the object's own words, stopwords and generic
// verbs ("use", "make") are left out of each key; words are reduced with WordNet's morphy.
AutAnswer parse_aut_answer(const std::string& response, const std::string& object);

// Two ideas are the same when the Jaccard overlap of their keys is at least 0.5.
bool same_idea(const IdeaKey& a, const IdeaKey& b);

// Originality of one answer against a fixed reference, not against other models' answers:
// the semantic distance between the object and each use (Beaty & Johnson 2021, SemDis), here
// 1 − Wu–Palmer similarity in WordNet (as the DAT scorer) between the object's noun and each
// WordNet noun of the use, averaged over the use's nouns, then over the answer's ideas.
struct AutDistance {
  std::optional<double> mean;           // over the ideas that have a noun; nullopt: none has
  std::vector<double> per_idea;         // in the order of AutAnswer::ideas (ideas with a noun)
  int ideas_without_noun = 0;
};
AutDistance aut_semantic_distance(const AutAnswer& answer, const std::string& object_noun);

// Fewest distinct uses for an answer to count as doing the task (which asks for as many as
// possible); fewer score 0. One or two "uses" are what a non-answer ("The answer is 42.")
// parses into.
constexpr int kAutMinUses = 3;

}  // namespace ds::scorers
