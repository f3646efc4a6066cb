#pragma once
// The bootstrap template, kept apart from statistics.hpp's declarations.
#include <algorithm>
#include <numeric>
#include <cmath>
#include "core/rng.hpp"
#include <string>
#include <vector>

namespace ds::core {

// stat(indices) computes the statistic on a resample given as a list of indices; resamples
// where it is not finite (e.g. no positives drawn) are skipped.
template <class Stat>
Interval bootstrap_interval(size_t n, Stat&& stat, int resamples, uint64_t seed, double level) {
  if (n == 0) return {NAN, NAN, NAN};
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), size_t{0});
  const double point = stat(idx);
  SplitMix64 rng(seed);
  const auto draw = [&] {
    for (auto& i : idx) i = rng.below(n);
    return stat(idx);
  };
  return bootstrap_percentiles(point, draw, resamples, level);
}

}  // namespace ds::core
