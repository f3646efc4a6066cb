#include "scorers/creativity/wordnet.hpp"

#include <wn.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_map>

#include "core/text.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

std::mutex& wordnet_mutex() {
  static std::mutex m;
  return m;
}

// Called with the lock held.
bool open_locked() {
  static const bool ok = wninit() == 0;
  return ok;
}

// Sense offsets of a noun lemma (lock held).
std::vector<long> noun_senses(const std::string& lemma) {
  std::vector<long> out;
  std::string buf = lemma;
  IndexPtr idx = index_lookup(buf.data(), NOUN);
  if (!idx) return out;
  for (int i = 0; i < idx->off_cnt; ++i) out.push_back(idx->offset[i]);
  free_index(idx);
  return out;
}

// Hypernyms (and instance-of) of a noun synset, cached (lock held).
const std::vector<long>& hypernyms(long offset) {
  static std::unordered_map<long, std::vector<long>> cache;
  if (auto it = cache.find(offset); it != cache.end()) return it->second;
  std::vector<long> out;
  char empty[] = "";
  if (SynsetPtr ss = read_synset(NOUN, offset, empty)) {
    for (int i = 0; i < ss->ptrcount; ++i)
      if ((ss->ptrtyp[i] == HYPERPTR || ss->ptrtyp[i] == INSTANCE) && ss->ppos[i] == NOUN)
        out.push_back(ss->ptroff[i]);
    free_synset(ss);
  }
  return cache.emplace(offset, std::move(out)).first->second;
}

// Longest path to a root, in edges (NLTK's max_depth).
int max_depth(long offset) {
  static std::unordered_map<long, int> cache;
  if (auto it = cache.find(offset); it != cache.end()) return it->second;
  int depth = 0;
  for (long h : hypernyms(offset)) depth = std::max(depth, 1 + max_depth(h));
  cache[offset] = depth;
  return depth;
}

// Shortest distance from `offset` to each of its ancestors (itself at 0).
std::map<long, int> ancestors(long offset) {
  std::map<long, int> dist{{offset, 0}};
  std::deque<long> queue{offset};
  while (!queue.empty()) {
    const long s = queue.front();
    queue.pop_front();
    for (long h : hypernyms(s)) {
      if (dist.count(h)) continue;
      dist[h] = dist[s] + 1;
      queue.push_back(h);
    }
  }
  return dist;
}

double wup(long a, long b) {
  const auto up_a = ancestors(a);
  const auto up_b = ancestors(b);
  long lcs = -1;
  int lcs_depth = -1;
  for (const auto& [offset, _] : up_a) {
    if (!up_b.count(offset)) continue;
    const int d = max_depth(offset);
    if (d > lcs_depth) {
      lcs_depth = d;
      lcs = offset;
    }
  }
  if (lcs < 0) return 0;
  const double depth = lcs_depth + 1;
  return 2 * depth / (up_a.at(lcs) + up_b.at(lcs) + 2 * depth);
}

}  // namespace

bool wordnet_available() {
  std::lock_guard lock(wordnet_mutex());
  return open_locked();
}

std::optional<std::string> wordnet_noun(const std::string& word) {
  std::lock_guard lock(wordnet_mutex());
  if (!open_locked() || word.empty()) return std::nullopt;
  std::string w = lower(word);
  if (!noun_senses(w).empty()) return w;
  for (char* m = morphstr(w.data(), NOUN); m; m = morphstr(nullptr, NOUN)) {
    const std::string lemma = m;
    if (!noun_senses(lemma).empty()) return lemma;
  }
  return std::nullopt;
}

std::string wordnet_base_form(const std::string& word) {
  std::lock_guard lock(wordnet_mutex());
  std::string w = lower(word);
  if (!open_locked() || w.empty()) return w;
  // Verbs first, so "grinding" and "grind" meet although "grinding" is also a noun.
  for (int pos : {VERB, NOUN, ADJ, ADV}) {
    std::string buf = w;
    if (char* m = morphstr(buf.data(), pos); m && w != m) return m;
  }
  return w;
}

std::optional<double> wordnet_wup_similarity(const std::string& noun_a,
                                             const std::string& noun_b) {
  std::lock_guard lock(wordnet_mutex());
  if (!open_locked()) return std::nullopt;
  const auto senses_a = noun_senses(lower(noun_a));
  const auto senses_b = noun_senses(lower(noun_b));
  if (senses_a.empty() || senses_b.empty()) return std::nullopt;
  double best = 0;
  for (long a : senses_a)
    for (long b : senses_b) best = std::max(best, wup(a, b));
  return best;
}

}  // namespace ds::scorers
