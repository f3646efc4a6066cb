#pragma once
// The statistics the detector and the validation rely on, each small enough to test by hand.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/bootstrap.hpp"

namespace ds::core {

double median(std::vector<double> values);
// Median absolute deviation (unscaled); 0 for fewer than two values.
double mad(const std::vector<double>& values);

// (x - median) / (1.4826 * MAD) of a reference sample; falls back to the standard deviation
// when the MAD is zero, and to 0 when the sample has no spread at all.
struct RobustScale {
  double center = 0;
  double scale = 0;  // 0 = no spread: z is 0
  double z(double x) const { return scale > 0 ? (x - center) / scale : 0.0; }
};
RobustScale robust_scale(const std::vector<double>& reference);
// The same, using `scratch` for its working copies: loops that scale many samples (one per
// prompt and reference in `lineage`) reuse one buffer instead of allocating three each time.
RobustScale robust_scale(const std::vector<double>& reference, std::vector<double>& scratch);

double normal_cdf(double z);
double normal_upper_p(double z);  // P(Z >= z)

// Upper-tail p of a z computed with robust_scale from a panel of n values (a new value's
// prediction p). The median/MAD of a small panel are themselves uncertain (the MAD has ~37%
// efficiency) and the z is a prediction, so z / sqrt(1 + 1/n) is referred to a Student t with
// min(5, 0.37 (n - 1)) degrees of freedom. The cap at 5 is the tail the labelled unrelated
// models of the development sets show (docs/lineage.md, "The null"): lighter than the t(3)
// that simulated heavy-tailed panels once suggested, heavier than a normal.
double panel_upper_p(double z, size_t panel_size);

// The z that panel_upper_p maps to p (its inverse): the smallest z reaching level p.
double panel_upper_z(double p, size_t panel_size);

// Holm–Bonferroni step-down adjusted p-values, in the input's order, monotone and <= 1.
std::vector<double> holm_adjust(const std::vector<double>& p);
// Benjamini–Hochberg step-up adjusted p-values (false discovery rate), in the input's order.
std::vector<double> bh_adjust(const std::vector<double>& p);

// Area under the ROC curve: P(score_pos > score_neg) + 0.5 P(tie).
double auroc(const std::vector<double>& positives, const std::vector<double>& negatives);

// Highest TPR at a threshold whose FPR is <= max_fpr (thresholds at observed scores).
double tpr_at_fpr(const std::vector<double>& positives, const std::vector<double>& negatives,
                  double max_fpr);

// Jensen–Shannon divergence (base 2, in [0, 1]) of two distributions of equal length.
double jensen_shannon(const std::vector<double>& p, const std::vector<double>& q);

// Two-sample MMD^2 (unbiased) with the Hamming kernel k(x, y) = 1 - hamming(x, y)/max_len on
// characters, and its permutation p-value.
double mmd_hamming(const std::vector<std::string>& x, const std::vector<std::string>& y);
double mmd_permutation_p(const std::vector<std::string>& x, const std::vector<std::string>& y,
                         int permutations, uint64_t seed);

// Kolmogorov–Smirnov distance of a sample from Uniform(0, 1).
double ks_uniform_distance(std::vector<double> sample);

// Exact (Clopper–Pearson) interval of a binomial proportion: `successes` of `trials`, at
// the given confidence level (0 of 11 at 95% -> [0, 0.285]); mean = successes / trials.
// NaN bounds for 0 trials.
Interval clopper_pearson(size_t successes, size_t trials, double level = 0.95);

// Percentile bootstrap interval of a statistic over resampled indices 0..n-1 (mean: the
// statistic on the original sample).
template <class Stat>
Interval bootstrap_interval(size_t n, Stat&& stat, int resamples, uint64_t seed,
                            double level = 0.95);

}  // namespace ds::core

#include "core/statistics_bootstrap.hpp"
