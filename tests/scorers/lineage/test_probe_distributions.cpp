// The probe-distribution component: no evidence when every model answers alike, strong
// evidence for a student that copies its teacher's distributions, and a homogeneity p that is
// exactly uniform under its null. Every random draw is seeded (SplitMix64), so each check is
// deterministic; the margins are set so that even a different seed would fail them with
// probability below 1e-6.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "scorers/lineage/probe_distributions.hpp"
#include "scorers/lineage/probe_power.hpp"
#include "core/rng.hpp"
#include "core/statistics.hpp"

using namespace ds::scorers::lineage;
using ds::core::ks_uniform_distance;

namespace {

std::vector<int> draw(const std::vector<double>& p, size_t n, ds::core::SplitMix64& rng) {
  std::vector<int> out;
  for (size_t k = 0; k < n; ++k) {
    double u = rng.uniform01();
    size_t c = 0;
    while (c + 1 < p.size() && u >= p[c]) u -= p[c++];
    out.push_back(static_cast<int>(c));
  }
  return out;
}

std::vector<std::string> as_answers(const std::vector<int>& ids) {
  std::vector<std::string> out;
  for (int id : ids) out.push_back("answer-" + std::to_string(id));
  return out;
}

// A store-like table: per prompt, each model's answers drawn from its world distribution.
// Model 0 = candidate (lambda-student), 1..n = panel, n + 1 = reference.
ProbeAnswers sampled_table(const ProbeWorld& w, double lambda, size_t samples, uint64_t seed) {
  ds::core::SplitMix64 rng(seed);
  ProbeAnswers a;
  const size_t n = w.panel.size();
  for (size_t m = 0; m < n + 2; ++m) a.models.push_back("m" + std::to_string(m));
  for (size_t p = 0; p < w.reference.size(); ++p) {
    a.prompts.push_back("probes/p" + std::to_string(p));
    std::vector<std::vector<std::string>> row;
    std::vector<double> student(w.reference[p].size());
    for (size_t c = 0; c < student.size(); ++c)
      student[c] = lambda * w.reference[p][c] + (1 - lambda) * w.candidate_own[p][c];
    row.push_back(as_answers(draw(student, samples, rng)));
    for (size_t j = 0; j < n; ++j) row.push_back(as_answers(draw(w.panel[j][p], samples, rng)));
    row.push_back(as_answers(draw(w.reference[p], samples, rng)));
    a.answers.push_back(row);
  }
  return a;
}

std::vector<size_t> panel_of(size_t n) {
  std::vector<size_t> out;
  for (size_t j = 1; j <= n; ++j) out.push_back(j);
  return out;
}

ProbeWorld one_distribution_for_all(size_t panel, uint64_t seed) {
  ProbeWorld w = synthetic_probe_world({20, 30, panel}, seed);
  for (auto& m : w.panel) m = w.reference;
  w.candidate_own = w.reference;
  return w;
}

}  // namespace

TEST_CASE("identical answer distributions give no evidence") {
  // Every model, candidate and reference included, answers from one distribution: the
  // candidate's closeness is just another panel value, and the panel test rejects at about
  // its level. 300 worlds: the expected count at p <= 0.05 is 15 (sd 3.8); 36 would be 5.5 sd.
  size_t rejected = 0;
  double max_abs_z = 0;
  for (uint64_t k = 0; k < 300; ++k) {
    const ProbeWorld w = one_distribution_for_all(10, 1000 + k);
    const ProbeAnswers a = sampled_table(w, 0.0, 10, 5000 + k);
    const auto results = compare_probe_distributions(a, a.models.size() - 1);
    std::vector<double> values;
    for (const auto& r : results) values.push_back(r.value);
    const auto test = probe_panel_test(values, 0, panel_of(10), 0.05);
    rejected += test.p <= 0.05;
    max_abs_z = std::max(max_abs_z, std::fabs(test.z));
  }
  MESSAGE("identical distributions: " << rejected << " of 300 at p <= 0.05; max |z| " << max_abs_z);
  CHECK(rejected <= 36);
}

TEST_CASE("a student that copies its teacher's distributions (lambda = 1) is strong evidence") {
  // Panel of 10 unrelated models, 20 samples on 30 prompts: the student is detected in every
  // world, usually far beyond the panel (the panel's Student t with 3.3 df caps how small p gets).
  std::vector<double> zs;
  for (uint64_t k = 0; k < 20; ++k) {
    const ProbeWorld w = synthetic_probe_world({30, 50, 10}, 300 + k);
    const ProbeAnswers a = sampled_table(w, 1.0, 20, 700 + k);
    ProbeOptions o;
    o.permutations = 199;
    o.seed = k;
    const auto results = compare_probe_distributions(a, a.models.size() - 1, o);
    std::vector<double> values;
    for (const auto& r : results) values.push_back(r.value);
    const auto test = probe_panel_test(values, 0, panel_of(10), 0.05);
    INFO("world " << k << ": z " << test.z << " p " << test.p);
    CHECK(test.p <= 0.05);
    zs.push_back(test.z);
    // The homogeneity test cannot tell the student from the teacher; it tells every
    // independent apart.
    CHECK(results[0].p_same > 1e-4);
    for (size_t j = 1; j <= 10; ++j) CHECK(results[j].p_same < 1e-6);
  }
  std::sort(zs.begin(), zs.end());
  MESSAGE("lambda = 1: z from " << zs.front() << " to " << zs.back() << ", median " << zs[10]);
  CHECK(zs[10] > 5);
}

TEST_CASE("the homogeneity permutation p is uniform when both samples share a distribution") {
  // Small samples with many ties included (two categories, 3 answers a side): ties are broken
  // at random, so p stays exactly uniform rather than conservative. KS distance of 2000
  // p-values: 0.060 is the 1e-6 critical value.
  ds::core::SplitMix64 rng(42);
  std::vector<double> ps;
  for (int k = 0; k < 2000; ++k) {
    const size_t categories = 2 + rng.below(8);
    std::vector<double> p(categories);
    double total = 0;
    for (auto& v : p) total += v = 0.05 + rng.uniform01();
    for (auto& v : p) v /= total;
    const size_t nx = 3 + rng.below(20), ny = 3 + rng.below(20);
    ps.push_back(probe_homogeneity_p(draw(p, nx, rng), draw(p, ny, rng), 99, rng.next()));
  }
  const double d = ks_uniform_distance(ps);
  MESSAGE("KS distance from uniform: " << d);
  CHECK(d < 0.060);
  // And it has power: different distributions, 30 answers a side.
  int small = 0;
  for (int k = 0; k < 200; ++k) {
    const auto x = draw({0.7, 0.2, 0.1}, 30, rng), y = draw({0.1, 0.2, 0.7}, 30, rng);
    small += probe_homogeneity_p(x, y, 99, rng.next()) <= 0.05;
  }
  CHECK(small >= 190);
}

TEST_CASE("closeness and Fisher's combination") {
  CHECK(probe_closeness({0, 0, 1}, {0, 0, 1}) == doctest::Approx(1.0));
  CHECK(probe_closeness({0, 0}, {1, 1}) == doctest::Approx(0.0));
  CHECK(std::isnan(probe_closeness({}, {0})));
  CHECK(fisher_combined_p({0.05}) == doctest::Approx(0.05));
  CHECK(fisher_combined_p({0.5, 0.5}) == doctest::Approx(0.25 * (1 + std::log(4.0))).epsilon(1e-9));
}

TEST_CASE("probe answers compare each model's first n samples, n = the smaller side") {
  ProbeAnswers a;
  a.models = {"c", "r"};
  a.prompts = {"probes/x"};
  a.answers = {{{"blue", "blue", "red", "red"}, {"blue", "blue"}}};
  const auto results = compare_probe_distributions(a, 1);
  REQUIRE(results[0].comparisons.size() == 1);
  CHECK(results[0].comparisons[0].samples == 2);
  CHECK(results[0].value == doctest::Approx(1.0));
  CHECK(std::isnan(results[0].p_same));  // not tested without permutations
}
