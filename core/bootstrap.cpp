#include "core/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/hash.hpp"

namespace ds::core {

uint64_t bootstrap_seed(const std::string& label) { return fnv1a64(label); }

Interval bootstrap_percentiles(double point, const std::function<double()>& draw, int resamples,
                               double level) {
  // Draws where the statistic is undefined (e.g. a resample without positives) are skipped.
  std::vector<double> estimates;
  estimates.reserve(static_cast<size_t>(std::max(resamples, 1)));
  for (int r = 0; r < std::max(resamples, 1); ++r)
    if (const double e = draw(); std::isfinite(e)) estimates.push_back(e);
  if (estimates.empty()) return {point, NAN, NAN};
  std::sort(estimates.begin(), estimates.end());
  const double alpha = (1.0 - level) / 2;
  auto at = [&](double q) {
    const double pos = q * static_cast<double>(estimates.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, estimates.size() - 1);
    return estimates[lo] + (pos - static_cast<double>(lo)) * (estimates[hi] - estimates[lo]);
  };
  return {point, at(alpha), at(1 - alpha)};
}

Interval bootstrap_mean(const std::vector<double>& values, uint64_t seed, int resamples,
                        double level) {
  if (values.empty()) return {};
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  SplitMix64 rng(seed);
  return bootstrap_percentiles(mean, [&] { return resampled_mean(values, rng); }, resamples,
                               level);
}

}  // namespace ds::core
