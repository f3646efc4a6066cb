#include "scorers/creativity/dat.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "scorers/creativity/text.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

constexpr size_t kDatWords = 7;  // Olson et al.: the first 7 valid of 10 words
// Words read from one answer at most (each a WordNet search): the task asks for 10.
constexpr size_t kDatMaxWords = 100;

// "Cat - a small pet" → "Cat"; "Nouns: cat" → "cat".
std::string head_of_entry(std::string entry) {
  if (const auto colon = entry.find(':'); colon != std::string::npos)
    entry = entry.substr(colon + 1);
  for (const char* cut : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "(", " because "})
    if (const auto pos = entry.find(cut); pos != std::string::npos) entry = entry.substr(0, pos);
  return trim(entry);
}

}  // namespace

std::vector<std::string> dat_words(const std::string& response) {
  auto entries = list_entries(response);
  // A comma-separated list inside a longer answer.
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string e = entries[i];  // a copy: `entries` is rebuilt below
    if (std::count(e.begin(), e.end(), ',') >= 3) {
      entries.clear();
      std::string cur;
      for (char c : e + ",") {
        if (c == ',') {
          entries.push_back(trim(cur));
          cur.clear();
        } else {
          cur += c;
        }
      }
      break;
    }
  }
  std::vector<std::string> words;
  for (const auto& e : entries) {
    std::string w = head_of_entry(e);
    while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back()))) w.pop_back();
    // One erase of the leading punctuation (erasing a character at a time was quadratic).
    w.erase(0, static_cast<size_t>(std::find_if(w.begin(), w.end(), [](unsigned char c) { return std::isalnum(c); }) -
                                   w.begin()));
    if (!w.empty()) words.push_back(w);
  }
  return words;
}

DatResult dat_score_words(const std::vector<std::string>& words) {
  DatResult r;
  std::set<std::string> seen;
  for (const auto& w : words) {
    if (r.valid.size() == kDatWords || r.valid.size() + r.invalid.size() + r.duplicates.size() == kDatMaxWords) break;
    const bool single = word_tokens(w).size() == 1 && w.find(' ') == std::string::npos;
    const auto lemma = single ? wordnet_noun(w) : std::nullopt;
    if (!lemma) {
      r.invalid.push_back(w);
      continue;
    }
    if (!seen.insert(*lemma).second) {
      r.duplicates.push_back(w);
      continue;
    }
    r.valid.push_back(*lemma);
  }
  if (r.valid.size() < kDatWords) return r;
  double sum = 0;
  int pairs = 0;
  for (size_t i = 0; i < r.valid.size(); ++i)
    for (size_t j = i + 1; j < r.valid.size(); ++j) {
      sum += 1.0 - wordnet_wup_similarity(r.valid[i], r.valid[j]).value_or(0.0);
      ++pairs;
    }
  r.score = 100.0 * sum / pairs;
  return r;
}

}  // namespace ds::scorers
