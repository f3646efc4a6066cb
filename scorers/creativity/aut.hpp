#pragma once
// Alternative Uses Task: fluency, elaboration, and originality as the share of uses that are
// not among the object's common uses (a fixed list in the suite), with the WordNet semantic
// distance between object and uses beside it: a function of the answer and the item alone.
// See docs/scorers.md.
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

// Bounds that keep scoring linear in the answer's length (an answer is compared idea by idea
// with itself and every other answer): beyond any list a person or model writes for the task.
constexpr size_t kAutMaxUses = 100;     // list entries read from one answer; the rest are ignored
constexpr size_t kAutMaxKeyWords = 32;  // content words kept in one idea's key

// Parses an answer: one use per list entry (the first kAutMaxUses); the object's own words,
// stopwords and generic verbs ("use", "make") are left out of each key; words are reduced with
// WordNet's morphy; a key keeps its first kAutMaxKeyWords words.
AutAnswer parse_aut_answer(const std::string& response, const std::string& object);

// Two ideas are the same when the Jaccard overlap of their keys is at least 0.5.
bool same_idea(const IdeaKey& a, const IdeaKey& b);

// Originality of one answer against fixed references shipped with the suite, never against
// other models' answers.
//
// Uncommonness (the score): the share of the answer's ideas that are not among the object's
// common uses — its ordinary purpose and the answers most people give first — listed as words
// in the item's "common_uses". An idea is common when one of its words (or their base forms)
// is one of those words. Norm-referenced as the classic AUT scorings (a response is original
// when it is rare in a reference sample), with the reference fixed.
struct AutUncommonness {
  int common = 0, uncommon = 0;
  double share = 0;  // uncommon / (common + uncommon)
};
AutUncommonness aut_uncommonness(const AutAnswer& answer, const std::vector<std::string>& common_use_words);

// Semantic distance (reported beside the score, not the score): 1 − Wu–Palmer similarity in
// WordNet between the object's noun and each WordNet noun of a use, averaged over the use's
// nouns, then over the ideas — the SemDis idea (Beaty & Johnson 2021) with WordNet in place of
// word embeddings. On the validation set it ranked building walls above grinding pigment: WordNet
// puts "wall" no nearer a brick than "pigment", where co-occurrence-based embeddings would.
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
