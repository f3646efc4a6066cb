#pragma once
// Small, stable, non-cryptographic hashes (SHA-256 is in core/sha256.hpp): the same value on
// every platform and standard library, so seeds, sketches and simulated answers reproduce.
#include <cstdint>
#include <string_view>

namespace ds::core {

inline constexpr uint64_t kFnv1aOffset = 1469598103934665603ull;
inline constexpr uint64_t kFnv1aPrime = 1099511628211ull;

// FNV-1a, 64 bits; `h` continues a previous hash or starts from another offset.
constexpr uint64_t fnv1a64(std::string_view s, uint64_t h = kFnv1aOffset) {
  for (unsigned char c : s) h = (h ^ c) * kFnv1aPrime;
  return h;
}

// SplitMix64's output function: spreads every input bit over the whole word.
constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

inline constexpr uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ull;

// FNV-1a of the text, then mixed: a well-spread 64-bit key for a string.
constexpr uint64_t stable_hash(std::string_view s) { return mix64(fnv1a64(s)); }

}  // namespace ds::core
