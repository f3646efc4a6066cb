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

namespace ds::lineage {

// Bump when the computation changes: stored features of older versions are recomputed.
inline constexpr int kFeatureVersion = 1;
// Bottom-k sketch size: Jaccard estimates from k=128 have a standard error of about
// sqrt(J(1-J)/128), small next to the per-prompt spread across models.
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
  std::vector<uint32_t> word_sketch;  // bottom-k of word 1-3-gram hashes, ascending
  std::vector<uint32_t> char_sketch;  // bottom-k of character 5-gram hashes, ascending
  std::vector<uint32_t> habits;       // sampled phrases + opener/closer/markdown markers, ascending
  uint32_t words = 0;
  uint32_t chars = 0;
  std::optional<IdentityClaim> claim;
};

// Word tokens (lower case; runs of letters, digits, apostrophes and non-ASCII bytes) and
// single punctuation marks. Exposed for tests and evidence quoting.
std::vector<std::string> tokenize(std::string_view text);

TextFeatures compute_features(std::string_view text);

// Jaccard similarity estimated from two bottom-k sketches of the same k.
double sketch_jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// "I am X, a (large) language model (created|developed|trained|made|built) by Y",
// "... from Y", "my name is X"; nullopt when the text makes no such claim.
std::optional<IdentityClaim> find_identity_claim(std::string_view text);

// The hash of a marker or phrase as it appears in `habits` (for tests and evidence).
uint32_t habit_hash(std::string_view marker);
uint32_t phrase_hash(const std::vector<std::string>& words);

// Binary form stored in the feature table (the claim is stored in its own columns).
std::string encode_features(const TextFeatures& f);
TextFeatures decode_features(std::string_view blob);

}  // namespace ds::lineage
