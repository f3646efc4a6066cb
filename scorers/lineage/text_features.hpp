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
inline constexpr int kFeatureVersion = 2;
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

struct IdentityClaim {
  std::string name;   // what the text says it is ("chatgpt"), lower case, may be empty
  std::string maker;  // who it says made it ("openai"), lower case, may be empty
  std::string quote;  // the sentence, as written
};

struct TextFeatures {
  std::vector<uint16_t> word_sketch;  // OPH sketch of word 1-3-gram hashes (kSketchSize bins)
  std::vector<uint16_t> char_sketch;  // OPH sketch of character 5-gram hashes
  std::vector<uint32_t> habits;       // sampled phrases + opener/closer/markdown markers, ascending
  uint32_t words = 0;
  uint32_t chars = 0;
  std::optional<IdentityClaim> claim;
};

// Word tokens (lower case; runs of letters, digits, apostrophes and non-ASCII bytes) and
// single punctuation marks. Exposed for tests and evidence quoting.
std::vector<std::string> tokenize(std::string_view text);

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
