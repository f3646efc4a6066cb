#include "scorers/creativity/aut.hpp"

#include <algorithm>
#include <unordered_map>

#include "scorers/creativity/text.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

const std::set<std::string>& ignored_words() {
  static const std::set<std::string> words = {
      "a", "an", "the", "as", "to", "for", "of", "in", "on", "at", "by", "with", "without",
      "from", "into", "onto", "and", "or", "but", "it", "its", "it's", "this", "that", "these",
      "those", "your", "you", "yours", "my", "their", "them", "they", "one", "ones", "some",
      "any", "can", "could", "be", "is", "are", "was", "been", "being", "so", "if", "when",
      "up", "out", "off", "over", "use", "make", "turn", "create", "something", "thing", "like",
      "just", "very", "also", "even", "e.g", "etc", "which", "who", "what", "how", "do", "get",
      "put", "have", "has", "will", "would", "other", "another", "more", "small", "large",
      "big", "old", "new", "simple", "makeshift", "diy", "homemade", "improvised"};
  return words;
}

}  // namespace

AutAnswer parse_aut_answer(const std::string& response, const std::string& object) {
  AutAnswer a;
  std::set<std::string> object_words;
  for (const auto& w : word_tokens(object)) {
    object_words.insert(w);
    object_words.insert(wordnet_base_form(w));
  }
  size_t word_count = 0;
  std::unordered_map<std::string, std::string> base_forms;  // one WordNet search per distinct word
  const auto base_form = [&](const std::string& w) -> const std::string& {
    auto it = base_forms.find(w);
    if (it == base_forms.end()) it = base_forms.emplace(w, wordnet_base_form(w)).first;
    return it->second;
  };
  for (const auto& entry : list_entries(response)) {
    if (a.uses.size() == kAutMaxUses) break;
    const auto tokens = word_tokens(entry);
    if (tokens.empty()) continue;
    a.uses.push_back(entry);
    word_count += tokens.size();
    IdeaKey key;
    for (const auto& t : tokens) {
      if (ignored_words().count(t) || object_words.count(t)) continue;
      if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      const std::string& base = base_form(t);
      if (ignored_words().count(base) || object_words.count(base)) continue;
      key.insert(base);
      if (key.size() == kAutMaxKeyWords) break;
    }
    if (key.empty()) continue;
    const bool repeated = std::any_of(a.ideas.begin(), a.ideas.end(),
                                      [&](const IdeaKey& k) { return same_idea(k, key); });
    if (!repeated) a.ideas.push_back(std::move(key));
  }
  a.fluency = static_cast<int>(a.ideas.size());
  a.elaboration = a.uses.empty() ? 0.0 : static_cast<double>(word_count) / a.uses.size();
  return a;
}

bool same_idea(const IdeaKey& a, const IdeaKey& b) {
  if (a.empty() || b.empty()) return false;
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return 2 * common >= a.size() + b.size() - common;  // |A∩B| / |A∪B| >= 0.5
}

std::vector<AutOriginality> aut_originality(const std::vector<AutAnswer>& answers) {
  std::vector<AutOriginality> out(answers.size());
  const double n = static_cast<double>(answers.size());
  for (size_t i = 0; i < answers.size(); ++i) {
    for (const auto& idea : answers[i].ideas) {
      int holders = 0;  // answers (this one included) that give this idea
      for (const auto& other : answers)
        if (std::any_of(other.ideas.begin(), other.ideas.end(),
                        [&](const IdeaKey& k) { return same_idea(idea, k); }))
          ++holders;
      const double share = holders / n;
      out[i].points += share < 0.01 ? 2 : share < 0.05 ? 1 : 0;
    }
    out[i].originality =
        answers[i].fluency > 0 ? static_cast<double>(out[i].points) / answers[i].fluency : 0.0;
  }
  return out;
}

}  // namespace ds::scorers
