#pragma once
// A small deterministic random stream keyed by a string: every simulated choice is a pure
// function of its key, so the simulator answers the same request the same way every time.
#include <cstdint>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "harness/server/text_tokens.hpp"
#include "core/hash.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

class SimRng {
 public:
  explicit SimRng(const std::string& key) : stream_(stable_hash(key)) {}
  uint64_t next() { return stream_.next(); }
  double uniform() { return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53); }
  bool chance(double p) { return uniform() < p; }
  size_t index(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[index(v.size())]; }
  // k distinct indices of [0, n), in random order.
  std::vector<size_t> sample(size_t n, size_t k) {
    std::vector<size_t> idx(n);
    for (size_t i = 0; i < n; ++i) idx[i] = i;
    for (size_t i = 0; i < n && i < k; ++i) std::swap(idx[i], idx[i + index(n - i)]);
    idx.resize(std::min(n, k));
    return idx;
  }

 private:
  SplitMix64 stream_;
};

}  // namespace ds::harness::server
