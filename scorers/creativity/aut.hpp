#pragma once
// Alternative Uses Task: fluency, elaboration, and originality by rarity across every answer
// to the same item (all models, all samples). See docs/scorers.md.
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

struct AutOriginality {
  double originality = 0;  // points / fluency, in [0, 2]
  int points = 0;          // 2 per idea in < 1% of answers, 1 per idea in < 5%
};

// Originality of every answer against the corpus of all answers to the item.
std::vector<AutOriginality> aut_originality(const std::vector<AutAnswer>& answers);

// Fewest answers for which "under 5% of answers" can hold for an idea given once.
constexpr int kAutMinCorpus = 21;

}  // namespace ds::scorers
