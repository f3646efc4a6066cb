#pragma once
// Relevance before form: a constrained-writing, title or metaphor answer must be about its
// subject before its form counts. The item names its subject's words in "about_words" (data in
// tasks/suites/creativity.jsonl); an answer using none of them is off topic and scores 0.
// A word list, not a judge: it runs without a model, cannot be talked round, and lists enough
// near-synonyms (chosen to survive the item's own constraints, e.g. no 'e' for a lipogram in
// 'e') that an on-topic answer uses at least one. See docs/scorers.md.
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct Relevance {
  bool on_topic = false;
  std::vector<std::string> found;  // the subject's words the answer uses
  std::string reason;              // why it is off topic ("" when on topic)
};

// nullopt when the item has no "about_words" (nothing to check). A listed word is found when
// an answer word or its base form ("clocks" → "clock") is that word.
std::optional<Relevance> check_relevance(const json& item_data, const std::string& response);

}  // namespace ds::scorers
