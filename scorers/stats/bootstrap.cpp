#include "scorers/stats/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ds {

uint64_t bootstrap_seed(const std::string& label) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : label) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

Interval bootstrap_percentiles(double point, const std::function<double()>& draw, int resamples,
                               double level) {
  std::vector<double> estimates(static_cast<size_t>(std::max(resamples, 1)));
  for (auto& e : estimates) e = draw();
  std::sort(estimates.begin(), estimates.end());
  const double alpha = (1.0 - level) / 2;
  auto at = [&](double q) {
    const double pos = q * (estimates.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, estimates.size() - 1);
    return estimates[lo] + (pos - lo) * (estimates[hi] - estimates[lo]);
  };
  return {point, at(alpha), at(1 - alpha)};
}

Interval bootstrap_mean(const std::vector<double>& values, uint64_t seed, int resamples,
                        double level) {
  if (values.empty()) return {};
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  std::mt19937_64 rng(seed);
  return bootstrap_percentiles(mean, [&] { return resampled_mean(values, rng); }, resamples,
                               level);
}

}  // namespace ds
