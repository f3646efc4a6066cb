// exact-ngrams: the per-prompt Jaccard of the exact (unsketched) word 1-3-gram sets of the
// candidate's and the reference's answers. An ablation beside `pair`: does the 128-bin sketch
// lose signal? It needs every answer's text in memory (CorpusOptions::first_texts).
#include <algorithm>
#include <unordered_map>

#include "scorers/lineage/components/registry_entries.hpp"
#include "scorers/lineage/text_features.hpp"

namespace ds::scorers::lineage {

namespace {

std::vector<std::string> ngram_set(const std::string& text) {
  const auto t = tokenize(text);
  std::vector<std::string> out;
  for (size_t n = 1; n <= 3; ++n)
    for (size_t i = 0; i + n <= t.size(); ++i) {
      std::string g = t[i];
      for (size_t k = 1; k < n; ++k) g += ' ' + t[i + k];
      out.push_back(std::move(g));
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

ComponentValues exact_ngrams_component(const ComponentInput& in) {
  const Corpus& c = in.corpus;
  if (c.first_texts.empty()) {
    ComponentValues none;
    none.value.assign(in.models.size(), NAN);
    return none;
  }
  std::vector<std::vector<std::string>> reference_sets(c.prompts.size());
  for (size_t p = 0; p < c.prompts.size(); ++p)
    if (!c.cells[static_cast<size_t>(in.reference)][p].empty())
      reference_sets[p] = ngram_set(c.first_texts[static_cast<size_t>(in.reference)][p]);
  return paired_component(in, [&](int m, size_t p) -> double {
    if (c.cells[static_cast<size_t>(m)][p].empty() || c.cells[static_cast<size_t>(in.reference)][p].empty())
      return NAN;
    return set_jaccard(ngram_set(c.first_texts[static_cast<size_t>(m)][p]), reference_sets[p]);
  });
}

}  // namespace ds::scorers::lineage
