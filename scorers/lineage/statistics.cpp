#include "scorers/lineage/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>
#include <random>

namespace ds::lineage {

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(mid), v.end());
  const double hi = v[mid];
  if (v.size() % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<long>(mid));
  return (lo + hi) / 2;
}

double mad(const std::vector<double>& v) {
  if (v.size() < 2) return 0;
  const double m = median(v);
  std::vector<double> dev;
  dev.reserve(v.size());
  for (double x : v) dev.push_back(std::fabs(x - m));
  return median(dev);
}

RobustScale robust_scale(const std::vector<double>& ref) {
  RobustScale s;
  if (ref.empty()) return s;
  s.center = median(ref);
  s.scale = 1.4826 * mad(ref);
  if (s.scale <= 1e-12 && ref.size() > 1) {
    const double mean = std::accumulate(ref.begin(), ref.end(), 0.0) / static_cast<double>(ref.size());
    double ss = 0;
    for (double x : ref) ss += (x - mean) * (x - mean);
    s.scale = std::sqrt(ss / static_cast<double>(ref.size() - 1));
  }
  if (s.scale <= 1e-12) s.scale = 0;
  return s;
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }
double normal_upper_p(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

double panel_upper_p(double z, size_t n) {
  if (!std::isfinite(z)) return NAN;
  const double df = std::max(1.0, 0.37 * (static_cast<double>(n) - 1.0));
  boost::math::students_t dist(df);
  return boost::math::cdf(boost::math::complement(dist, z));
}

std::vector<double> holm_adjust(const std::vector<double>& p) {
  const size_t m = p.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  std::vector<double> out(m);
  double running = 0;
  for (size_t k = 0; k < m; ++k) {
    running = std::max(running, std::min(1.0, static_cast<double>(m - k) * p[order[k]]));
    out[order[k]] = running;
  }
  return out;
}

double auroc(const std::vector<double>& pos, const std::vector<double>& neg) {
  if (pos.empty() || neg.empty()) return NAN;
  double wins = 0;
  for (double a : pos)
    for (double b : neg) wins += a > b ? 1.0 : a == b ? 0.5 : 0.0;
  return wins / (static_cast<double>(pos.size()) * static_cast<double>(neg.size()));
}

double tpr_at_fpr(const std::vector<double>& pos, const std::vector<double>& neg, double max_fpr) {
  if (pos.empty() || neg.empty()) return NAN;
  std::vector<double> thresholds(pos);
  thresholds.insert(thresholds.end(), neg.begin(), neg.end());
  double best = 0;
  for (double t : thresholds) {
    const double fp = static_cast<double>(std::count_if(neg.begin(), neg.end(), [&](double x) { return x >= t; }));
    const double tp = static_cast<double>(std::count_if(pos.begin(), pos.end(), [&](double x) { return x >= t; }));
    if (fp / static_cast<double>(neg.size()) <= max_fpr)
      best = std::max(best, tp / static_cast<double>(pos.size()));
  }
  return best;
}

double jensen_shannon(const std::vector<double>& p, const std::vector<double>& q) {
  double js = 0;
  for (size_t i = 0; i < p.size() && i < q.size(); ++i) {
    const double m = (p[i] + q[i]) / 2;
    if (p[i] > 0) js += 0.5 * p[i] * std::log2(p[i] / m);
    if (q[i] > 0) js += 0.5 * q[i] * std::log2(q[i] / m);
  }
  return std::max(0.0, js);
}

namespace {
double hamming_kernel(const std::string& a, const std::string& b) {
  const size_t n = std::max(a.size(), b.size());
  if (n == 0) return 1.0;
  size_t diff = n - std::min(a.size(), b.size());
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) diff += a[i] != b[i];
  return 1.0 - static_cast<double>(diff) / static_cast<double>(n);
}
}  // namespace

double mmd_hamming(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  if (x.size() < 2 || y.size() < 2) return NAN;
  double kxx = 0, kyy = 0, kxy = 0;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = 0; j < x.size(); ++j)
      if (i != j) kxx += hamming_kernel(x[i], x[j]);
  for (size_t i = 0; i < y.size(); ++i)
    for (size_t j = 0; j < y.size(); ++j)
      if (i != j) kyy += hamming_kernel(y[i], y[j]);
  for (const auto& a : x)
    for (const auto& b : y) kxy += hamming_kernel(a, b);
  const double n = static_cast<double>(x.size()), m = static_cast<double>(y.size());
  return kxx / (n * (n - 1)) + kyy / (m * (m - 1)) - 2 * kxy / (n * m);
}

double mmd_permutation_p(const std::vector<std::string>& x, const std::vector<std::string>& y,
                         int permutations, uint64_t seed) {
  const double observed = mmd_hamming(x, y);
  if (!std::isfinite(observed)) return NAN;
  std::vector<std::string> pooled(x);
  pooled.insert(pooled.end(), y.begin(), y.end());
  std::mt19937_64 rng(seed);
  int at_least = 0;
  for (int r = 0; r < permutations; ++r) {
    std::shuffle(pooled.begin(), pooled.end(), rng);
    const std::vector<std::string> a(pooled.begin(), pooled.begin() + static_cast<long>(x.size()));
    const std::vector<std::string> b(pooled.begin() + static_cast<long>(x.size()), pooled.end());
    if (mmd_hamming(a, b) >= observed - 1e-12) ++at_least;
  }
  return (1.0 + at_least) / (1.0 + permutations);
}

double ks_uniform_distance(std::vector<double> s) {
  if (s.empty()) return NAN;
  std::sort(s.begin(), s.end());
  const double n = static_cast<double>(s.size());
  double d = 0;
  for (size_t i = 0; i < s.size(); ++i)
    d = std::max({d, static_cast<double>(i + 1) / n - s[i], s[i] - static_cast<double>(i) / n});
  return d;
}

}  // namespace ds::lineage
