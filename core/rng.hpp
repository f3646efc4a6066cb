#pragma once
// The project's one random stream: SplitMix64 with its own uniform draws. <random>'s
// distributions differ between standard libraries, so bootstrap intervals, permutation
// p-values and generated items would not reproduce across platforms with them.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/hash.hpp"

namespace ds::core {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t next() { return mix64(state_ += kGoldenGamma); }

  // Uniform in [0, n) by the multiply-high method (bias below n / 2^64); 0 when n is 0.
  size_t below(size_t n) {
    return static_cast<size_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Fisher–Yates shuffle.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace ds::core
