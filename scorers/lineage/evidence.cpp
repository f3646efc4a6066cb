#include "scorers/lineage/evidence.hpp"

#include <algorithm>
#include <functional>

#include "scorers/lineage/text_features.hpp"

namespace ds::scorers::lineage {

std::vector<SharedPassage> shared_passages(const std::string& a, const std::string& b,
                                           size_t min_words, size_t max_passages) {
  const auto ta = tokenize_spans(a), tb = tokenize_spans(b);
  struct Run {
    size_t len, a_end, b_end;  // token counts/positions (exclusive ends)
  };
  std::vector<Run> runs;
  std::vector<size_t> prev(tb.size() + 1, 0), cur(tb.size() + 1, 0);
  for (size_t i = 1; i <= ta.size(); ++i) {
    for (size_t j = 1; j <= tb.size(); ++j) {
      cur[j] = ta[i - 1].token == tb[j - 1].token ? prev[j - 1] + 1 : 0;
      // Record maximal runs only: the run ends here.
      const bool ends = i == ta.size() || j == tb.size() || ta[i].token != tb[j].token;
      if (cur[j] >= min_words && ends) runs.push_back({cur[j], i, j});
    }
    std::swap(prev, cur);
  }
  std::stable_sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) { return x.len > y.len; });
  std::vector<SharedPassage> out;
  for (const auto& r : runs) {
    const size_t a0 = r.a_end - r.len;
    // A run inside (or equal to) a passage already taken is the same evidence again.
    bool inside = false;
    for (const auto& o : out) {
      std::vector<std::string> mine;
      for (size_t k = a0; k < r.a_end; ++k) mine.push_back(ta[k].token);
      inside = inside || std::search(o.tokens.begin(), o.tokens.end(), mine.begin(), mine.end()) != o.tokens.end();
      if (inside) break;
    }
    if (inside) continue;
    SharedPassage p;
    p.words = r.len;
    p.a_begin = ta[a0].begin;
    p.a_end = ta[r.a_end - 1].end;
    p.b_begin = tb[r.b_end - r.len].begin;
    p.b_end = tb[r.b_end - 1].end;
    for (size_t k = a0; k < r.a_end; ++k) p.tokens.push_back(ta[k].token);
    out.push_back(std::move(p));
    if (out.size() >= max_passages) break;
  }
  return out;
}

bool contains_tokens(const std::string& text, const std::vector<std::string>& tokens) {
  if (tokens.empty()) return true;
  const auto t = tokenize(text);
  return std::search(t.begin(), t.end(), std::boyer_moore_horspool_searcher(tokens.begin(), tokens.end())) != t.end();
}

std::vector<std::string> shared_phrases(const std::string& a, const std::string& b,
                                        size_t min_words, size_t max_phrases) {
  std::vector<std::string> out;
  for (const auto& p : shared_passages(a, b, min_words, max_phrases))
    out.push_back(a.substr(p.a_begin, p.a_end - p.a_begin));
  return out;
}

}  // namespace ds::scorers::lineage
