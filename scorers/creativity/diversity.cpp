#include "scorers/creativity/diversity.hpp"

#include <set>

#include "scorers/creativity/text.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

std::vector<std::string> ngrams(const std::string& text, int n) {
  const auto w = word_tokens(text);
  std::vector<std::string> out;
  for (size_t i = 0; i + n <= w.size(); ++i) {
    std::string g = w[i];
    for (int k = 1; k < n; ++k) g += " " + w[i + k];
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

double distinct_n(const std::vector<std::string>& samples, int n) {
  std::set<std::string> unique;
  size_t total = 0;
  for (const auto& s : samples)
    for (auto& g : ngrams(s, n)) {
      unique.insert(std::move(g));
      ++total;
    }
  return total == 0 ? 0.0 : static_cast<double>(unique.size()) / total;
}

double mean_pairwise_bigram_jaccard(const std::vector<std::string>& samples) {
  std::vector<std::set<std::string>> sets;
  for (const auto& s : samples) {
    const auto g = ngrams(s, 2);
    sets.emplace_back(g.begin(), g.end());
  }
  double sum = 0;
  int pairs = 0;
  for (size_t i = 0; i < sets.size(); ++i)
    for (size_t j = i + 1; j < sets.size(); ++j) {
      size_t common = 0;
      for (const auto& g : sets[i]) common += sets[j].count(g);
      const size_t uni = sets[i].size() + sets[j].size() - common;
      sum += uni == 0 ? 1.0 : static_cast<double>(common) / uni;
      ++pairs;
    }
  return pairs == 0 ? 0.0 : sum / pairs;
}

json diversity_summary(const std::vector<std::string>& samples) {
  json out = {{"samples", samples.size()},
              {"distinct_1", distinct_n(samples, 1)},
              {"distinct_2", distinct_n(samples, 2)},
              {"mean_pairwise_similarity", nullptr}};
  if (samples.size() >= 2) out["mean_pairwise_similarity"] = mean_pairwise_bigram_jaccard(samples);
  return out;
}

}  // namespace ds::scorers
