#pragma once
// Percentile bootstrap over items: the scores' uncertainty from which items were asked.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/rng.hpp"

namespace ds::core {

struct Interval {
  double mean = 0;  // the point estimate on the original sample
  double low = 0;
  double high = 0;
};

constexpr int kBootstrapResamples = 2000;
constexpr double kBootstrapLevel = 0.95;

// A seed derived from a label (FNV-1a), so each model/suite gets its own fixed stream
// whatever order they are computed in.
uint64_t bootstrap_seed(const std::string& label);

// Mean of `values` with a percentile interval from `resamples` resamples with replacement.
Interval bootstrap_mean(const std::vector<double>& values, uint64_t seed,
                        int resamples = kBootstrapResamples, double level = kBootstrapLevel);

// The percentile interval of the estimates draw() returns, one per resample; non-finite
// estimates are skipped (NaN bounds when none is finite).
Interval bootstrap_percentiles(double point, const std::function<double()>& draw,
                               int resamples = kBootstrapResamples,
                               double level = kBootstrapLevel);

// The mean of one resample of `values` (same size, with replacement).
template <class Rng>
double resampled_mean(const std::vector<double>& values, Rng& rng) {
  if (values.empty()) return 0;
  double sum = 0;
  for (size_t i = 0; i < values.size(); ++i) sum += values[rng.below(values.size())];
  return sum / values.size();
}

}  // namespace ds::core
