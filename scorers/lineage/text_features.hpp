#pragma once
// Fingerprint features of one response, computed once and stored (see feature_store.hpp).
// They are compact on purpose: bottom-k sketches of word and character n-grams for paired
// similarity, a consistently sampled set of "habit" phrases and markdown markers for the
// model-level idiosyncrasy profile, and any identity claim found in the text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

// Bump when the computation changes: stored features of older versions are recomputed.
inline constexpr int kFeatureVersion = 3;
// One-permutation-hashing sketch: the hash space is cut into kSketchSize bins and each bin
// keeps the 16 low bits of its smallest hash (empty bins borrow from the next full bin, the
// "rotation" densification). The share of equal bins estimates the Jaccard similarity with a
// standard error of about sqrt(J(1-J)/128); comparing two sketches is 128 16-bit equality
// tests, which the compiler vectorises: all-pairs similarity over 230 models x 805 prompts
// stays within seconds.
inline constexpr size_t kSketchSize = 128;
// One word n-gram in kHabitSampling is kept for the profile (chosen by hash, so every model
// keeps the same phrases).
inline constexpr uint32_t kHabitSampling = 4;
// Openers and closers: the word 1-3-grams of an answer's first and last kEdgeTokens tokens.
inline constexpr size_t kEdgeTokens = 25;

struct IdentityClaim {
  std::string name;   // what the text says it is ("chatgpt"), lower case, may be empty
  std::string maker;  // who it says made it ("openai"), lower case, may be empty
  std::string quote;  // the sentence, as written
};

struct TextFeatures {
  std::vector<uint16_t> word_sketch;  // OPH sketch of word 1-3-gram hashes (kSketchSize bins)
  std::vector<uint16_t> char_sketch;  // OPH sketch of character 5-gram hashes
  std::vector<uint32_t> habits;       // sampled phrases + opener/closer/markdown markers, ascending
  // Small sets compared answer to answer on the same prompt, as sorted 16-bit hashes (sets of
  // at most a few hundred elements: collisions between different n-grams are negligible).
  std::vector<uint16_t> opener;    // word 1-3-grams within the first kEdgeTokens tokens
  std::vector<uint16_t> closer;    // word 1-3-grams within the last kEdgeTokens tokens
  std::vector<uint16_t> skeleton;  // 1-3-grams of the markdown skeleton (skeleton_symbols)
  uint32_t words = 0;
  uint32_t chars = 0;
  std::optional<IdentityClaim> claim;
};

// The markdown skeleton of a text, one symbol per line outside code blocks: "blank",
// "fence", "h2", bullets "ul-" / numbers "ol." with their nesting ("+nest"), bold lead ("+bold")
// and colon ("+colon") flags, "table", "colon-line", "quote", "rule", and paragraphs by length
// class ("p:short" < 8 words, "p:medium" < 25, "p:long" < 60, "p:very-long").
std::vector<std::string> skeleton_symbols(std::string_view text);

// Jaccard similarity of two sorted, duplicate-free sets (0 when both are empty).
template <typename T>
double set_jaccard(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 0.0;
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++both;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

// Word tokens (lower case; runs of letters, digits, apostrophes and non-ASCII bytes) and
// single punctuation marks. Exposed for tests and evidence quoting.
std::vector<std::string> tokenize(std::string_view text);

// The same tokens with where each starts and ends in the text: evidence is quoted verbatim.
struct TokenSpan {
  std::string token;  // lower case
  size_t begin = 0, end = 0;
};
std::vector<TokenSpan> tokenize_spans(std::string_view text);

TextFeatures compute_features(std::string_view text);

// Jaccard similarity estimated from two sketches (0 when either text was empty).
double sketch_jaccard(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b);
// The same on two arrays of kSketchSize bins.
double sketch_jaccard_raw(const uint16_t* a, const uint16_t* b);

// "I am X, a (large) language model (created|developed|trained|made|built) by Y",
// "... from Y", "my name is X"; nullopt when the text makes no such claim.
std::optional<IdentityClaim> find_identity_claim(std::string_view text);

// The hash of a marker or phrase as it appears in `habits` (for tests and evidence).
uint32_t habit_hash(std::string_view marker);
uint32_t phrase_hash(const std::vector<std::string>& words);

// Binary form stored in the feature table (the claim is stored in its own columns).
std::string encode_features(const TextFeatures& f);
TextFeatures decode_features(std::string_view blob);

}  // namespace ds::scorers::lineage
