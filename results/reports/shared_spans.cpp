#include "results/reports/shared_spans.hpp"

#include <functional>
#include <string>
#include <unordered_map>

#include "scorers/lineage/text_features.hpp"

namespace ds::results {

namespace {

struct Word {
  uint32_t begin = 0, end = 0;
  uint64_t hash = 0;  // of the lower-case token
};

// The detector's tokens (words and single punctuation marks), so a marked phrase is one the
// detector's passage evidence would also count.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  for (const auto& t : lineage::tokenize_spans(text))
    out.push_back({static_cast<uint32_t>(t.begin), static_cast<uint32_t>(t.end), std::hash<std::string>{}(t.token)});
  return out;
}

uint64_t gram_hash(const std::vector<Word>& w, size_t at, size_t n) {
  uint64_t h = 0;
  for (size_t k = 0; k < n; ++k) h = h * 0x9E3779B97F4A7C15ull + w[at + k].hash;
  return h;
}

bool same_gram(const std::vector<Word>& a, size_t i, const std::vector<Word>& b, size_t j, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (a[i + k].hash != b[j + k].hash) return false;
  return true;
}

std::vector<Span> spans_of(const std::vector<Word>& words, const std::vector<bool>& marked) {
  std::vector<Span> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!marked[i]) continue;
    size_t j = i;
    while (j + 1 < words.size() && marked[j + 1]) ++j;
    out.push_back({words[i].begin, words[j].end});
    i = j;
  }
  return out;
}

}  // namespace

SharedSpans shared_spans(std::string_view a, std::string_view b, size_t min_words) {
  const auto wa = words_of(a), wb = words_of(b);
  if (min_words == 0 || wa.size() < min_words || wb.size() < min_words) return {};
  // Positions of each n-gram of b; a boilerplate n-gram repeated many times keeps a few.
  constexpr size_t kMaxPositions = 8;
  std::unordered_map<uint64_t, std::vector<uint32_t>> grams_b;
  for (size_t j = 0; j + min_words <= wb.size(); ++j) {
    auto& at = grams_b[gram_hash(wb, j, min_words)];
    if (at.size() < kMaxPositions) at.push_back(static_cast<uint32_t>(j));
  }
  std::vector<bool> mark_a(wa.size(), false), mark_b(wb.size(), false);
  for (size_t i = 0; i + min_words <= wa.size(); ++i) {
    const auto it = grams_b.find(gram_hash(wa, i, min_words));
    if (it == grams_b.end()) continue;
    for (uint32_t j : it->second) {
      if (!same_gram(wa, i, wb, j, min_words)) continue;
      for (size_t k = 0; k < min_words; ++k) mark_a[i + k] = mark_b[j + k] = true;
    }
  }
  return {spans_of(wa, mark_a), spans_of(wb, mark_b)};
}

size_t covered_bytes(const std::vector<Span>& spans) {
  size_t n = 0;
  for (const auto& s : spans) n += s.end - s.begin;
  return n;
}

}  // namespace ds::results
