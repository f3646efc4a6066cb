#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/rng.hpp"
#include "core/statistics.hpp"

using namespace ds::core;

TEST_CASE("holm adjustment matches a hand computation") {
  // Sorted p: 0.01, 0.02, 0.03, 0.04 -> 4*0.01=0.04, 3*0.02=0.06, 2*0.03=0.06, 1*0.04=0.04 -> monotone 0.06
  const auto adj = holm_adjust({0.03, 0.01, 0.04, 0.02});
  CHECK(adj[1] == doctest::Approx(0.04));
  CHECK(adj[3] == doctest::Approx(0.06));
  CHECK(adj[0] == doctest::Approx(0.06));
  CHECK(adj[2] == doctest::Approx(0.06));
  const auto capped = holm_adjust({0.5, 0.9});
  CHECK(capped[0] == doctest::Approx(1.0));
  CHECK(capped[1] == doctest::Approx(1.0));
}

TEST_CASE("auroc matches a hand computation, ties count half") {
  // pos {3, 2, 1}, neg {2, 0}: pairs (3>2,3>0,2=2,2>0,1<2,1>0) = 1+1+.5+1+0+1 = 4.5 of 6
  CHECK(auroc({3, 2, 1}, {2, 0}) == doctest::Approx(0.75));
  CHECK(auroc({1, 1}, {1, 1}) == doctest::Approx(0.5));
  CHECK(auroc({5}, {1, 2, 3}) == doctest::Approx(1.0));
  CHECK(std::isnan(auroc({}, {1})));
}

TEST_CASE("tpr at a false-positive-rate bound") {
  // neg 20 values 0..19; pos {25, 18, 10}: at fpr <= 5% (1 of 20) threshold 19 -> only 25 -> 1/3.
  std::vector<double> neg;
  for (int i = 0; i < 20; ++i) neg.push_back(i);
  CHECK(tpr_at_fpr({25, 18, 10}, neg, 0.05) == doctest::Approx(1.0 / 3));
  CHECK(tpr_at_fpr({25, 18, 10}, neg, 0.10) == doctest::Approx(2.0 / 3));
}

TEST_CASE("robust scale ignores outliers and falls back when MAD is zero") {
  const auto s = robust_scale({1, 2, 3, 4, 5, 1000});
  CHECK(s.center == doctest::Approx(3.5));
  CHECK(s.scale == doctest::Approx(1.4826 * 1.5));
  const auto flat = robust_scale({0, 0, 0, 0, 1});
  CHECK(flat.scale > 0);  // standard deviation fallback
  CHECK(robust_scale({2, 2, 2}).z(5) == 0.0);
}

TEST_CASE("robust scale with a reused buffer is the allocating one, bit for bit") {
  std::mt19937_64 rng(7);
  std::vector<double> scratch(1000, 42.0);  // stale contents from an earlier, larger sample
  for (size_t n : {1, 2, 3, 4, 5, 10, 229, 230}) {
    std::vector<double> v(n);
    for (auto& x : v) x = static_cast<double>(rng() % 40) / 256.0;  // many ties, as similarities have
    const RobustScale a = robust_scale(v), b = robust_scale(v, scratch);
    CHECK(a.center == b.center);
    CHECK(a.scale == b.scale);
    CHECK(a.center == median(v));
  }
}

TEST_CASE("panel p-values hold their level for normal and t(5) panels, far into the tail") {
  // The detector's parametric null: a statistic compared with the robust scale of a panel of
  // draws from the same distribution. Small panels are the hard case (their median and MAD are
  // uncertain), the deep tail (alpha / k for k candidates) the other.
  SplitMix64 rng(12345);
  auto normal = [&] { return std::sqrt(-2 * std::log(1 - rng.uniform01())) * std::cos(6.283185307179586 * rng.uniform01()); };
  auto t5 = [&] {
    double c = 0;
    for (int i = 0; i < 5; ++i) c += std::pow(normal(), 2);
    return normal() / std::sqrt(c / 5);
  };
  for (const bool heavy : {false, true})
    for (const size_t panel_size : {size_t{8}, size_t{30}, size_t{200}}) {
      CAPTURE(heavy);
      CAPTURE(panel_size);
      std::vector<double> ps;
      for (int trial = 0; trial < 4000; ++trial) {
        std::vector<double> panel(panel_size);
        for (auto& x : panel) x = 3.0 + 2.0 * (heavy ? t5() : normal());
        const double candidate = 3.0 + 2.0 * (heavy ? t5() : normal());
        ps.push_back(panel_upper_p(robust_scale(panel).z(candidate), panel_size));
      }
      auto rate = [&](double level) {
        return static_cast<double>(std::count_if(ps.begin(), ps.end(), [&](double p) { return p <= level; })) / 4000.0;
      };
      // 4000 draws: the standard error at 5% is 0.0034; the margin allows two of them.
      CHECK(rate(0.05) <= 0.057);
      CHECK(rate(0.005) <= 0.0075);
      // Not vacuous: a panel of 8 still rejects at close to the nominal rate.
      if (panel_size == 8) CHECK(rate(0.05) > 0.03);
    }
}

TEST_CASE("permutation MMD p-values are uniform when both samples share a distribution") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> letter('a', 'c');
  std::vector<double> ps;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::string> x(4), y(4);
    for (auto* v : {&x, &y})
      for (auto& s : *v)
        for (int k = 0; k < 6; ++k) s += static_cast<char>(letter(rng));
    ps.push_back(mmd_permutation_p(x, y, 99, static_cast<uint64_t>(trial)));
  }
  CHECK(ks_uniform_distance(ps) < 0.15);
  // Different distributions are told apart.
  const std::vector<std::string> a{"aaaaaa", "aaaaab", "aaaaba", "abaaaa", "aaaaaa"};
  const std::vector<std::string> b{"cccccc", "cccccb", "bccccc", "cccccc", "ccbccc"};
  CHECK(mmd_permutation_p(a, b, 199, 1) < 0.05);
}

TEST_CASE("jensen-shannon divergence bounds") {
  CHECK(jensen_shannon({0.5, 0.5}, {0.5, 0.5}) == doctest::Approx(0.0));
  CHECK(jensen_shannon({1, 0}, {0, 1}) == doctest::Approx(1.0));
}

TEST_CASE("bootstrap interval covers the statistic and narrows with more data") {
  std::vector<double> small{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  auto mean_of = [](const std::vector<double>& v) {
    return [&v](const std::vector<size_t>& idx) {
      double s = 0;
      for (size_t i : idx) s += v[i];
      return s / static_cast<double>(idx.size());
    };
  };
  const auto a = bootstrap_interval(small.size(), mean_of(small), 2000, 3);
  CHECK(a.low < 5.5);
  CHECK(a.high > 5.5);
  CHECK(a.low > 3.0);
  CHECK(a.high < 8.0);
  std::vector<double> big;
  for (int r = 0; r < 10; ++r) big.insert(big.end(), small.begin(), small.end());
  const auto b = bootstrap_interval(big.size(), mean_of(big), 2000, 3);
  CHECK(b.high - b.low < a.high - a.low);
}

TEST_CASE("Clopper-Pearson intervals are exact binomial intervals") {
  const auto none = clopper_pearson(0, 11);
  CHECK(none.low == 0.0);
  CHECK(none.high == doctest::Approx(0.2849).epsilon(0.001));
  const auto all = clopper_pearson(11, 11);
  CHECK(all.low == doctest::Approx(0.7151).epsilon(0.001));
  CHECK(all.high == 1.0);
  const auto half = clopper_pearson(5, 10);
  CHECK(half.low == doctest::Approx(0.1871).epsilon(0.001));
  CHECK(half.high == doctest::Approx(0.8129).epsilon(0.001));
  CHECK(std::isnan(clopper_pearson(0, 0).low));
}

TEST_CASE("Benjamini-Hochberg adjustment matches a hand computation") {
  // p sorted 0.01, 0.02, 0.03, 0.5 (m = 4): 0.04, 0.04, 0.04, 0.5 after the running minimum.
  const auto adj = bh_adjust({0.03, 0.5, 0.01, 0.02});
  CHECK(adj[0] == doctest::Approx(0.04));
  CHECK(adj[1] == doctest::Approx(0.5));
  CHECK(adj[2] == doctest::Approx(0.04));
  CHECK(adj[3] == doctest::Approx(0.04));
}

TEST_CASE("panel_upper_z inverts panel_upper_p") {
  for (size_t n : {8, 30, 200})
    for (double p : {0.05, 0.001}) CHECK(panel_upper_p(panel_upper_z(p, n), n) == doctest::Approx(p));
}
