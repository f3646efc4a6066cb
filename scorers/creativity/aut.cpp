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

AutUncommonness aut_uncommonness(const AutAnswer& answer, const std::vector<std::string>& common_use_words) {
  std::set<std::string> common;
  for (const auto& w : common_use_words) {
    common.insert(w);
    common.insert(wordnet_base_form(w));
  }
  AutUncommonness out;
  for (const auto& idea : answer.ideas) {
    const bool is_common = std::any_of(idea.begin(), idea.end(), [&](const std::string& w) {
      return common.count(w) > 0 || common.count(wordnet_base_form(w)) > 0;
    });
    ++(is_common ? out.common : out.uncommon);
  }
  const int n = out.common + out.uncommon;
  out.share = n > 0 ? static_cast<double>(out.uncommon) / n : 0.0;
  return out;
}

AutDistance aut_semantic_distance(const AutAnswer& answer, const std::string& object_noun) {
  AutDistance out;
  double sum = 0;
  for (const auto& idea : answer.ideas) {
    double idea_sum = 0;
    int nouns = 0;
    for (const auto& word : idea) {
      const auto noun = wordnet_noun(word);
      if (!noun) continue;
      const auto similarity = wordnet_wup_similarity(object_noun, *noun);
      if (!similarity) continue;
      idea_sum += 1 - *similarity;
      ++nouns;
    }
    if (nouns == 0) {
      ++out.ideas_without_noun;
      continue;
    }
    out.per_idea.push_back(idea_sum / nouns);
    sum += out.per_idea.back();
  }
  if (!out.per_idea.empty()) out.mean = sum / out.per_idea.size();
  return out;
}

}  // namespace ds::scorers
