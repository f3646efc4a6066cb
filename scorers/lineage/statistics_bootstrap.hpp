#pragma once
// The bootstrap template, kept apart from statistics.hpp's declarations.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace ds::lineage {

// stat(indices) computes the statistic on a resample given as a list of indices; resamples
// where it is not finite (e.g. no positives drawn) are skipped.
template <class Stat>
Interval bootstrap_interval(size_t n, Stat&& stat, int resamples, uint64_t seed, double level) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, n == 0 ? 0 : n - 1);
  std::vector<double> values;
  std::vector<size_t> idx(n);
  for (int r = 0; r < resamples && n > 0; ++r) {
    for (auto& i : idx) i = pick(rng);
    const double v = stat(idx);
    if (std::isfinite(v)) values.push_back(v);
  }
  if (values.empty()) return {NAN, NAN};
  std::sort(values.begin(), values.end());
  const double a = (1 - level) / 2;
  auto at = [&](double q) {
    const double pos = q * static_cast<double>(values.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
  };
  return {at(a), at(1 - a)};
}

}  // namespace ds::lineage
