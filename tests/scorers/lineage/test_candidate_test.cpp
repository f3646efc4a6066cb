#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/errors.hpp"
#include "core/statistics.hpp"
#include "scorers/lineage/candidate_test.hpp"

using namespace ds::scorers;
using namespace ds::scorers::lineage;

TEST_CASE("conformal rank when the panel can reach the level, counting ties against the candidate") {
  std::vector<double> panel;
  for (int i = 0; i < 19; ++i) panel.push_back(i);  // 0..18
  // One candidate: 19 >= 1/0.05 - 1, so the exact rank is used.
  auto t = candidate_null_test(18.0, panel, 0.05, 1, NullMethod::Rank);
  CHECK(t.kind == NullKind::Conformal);
  CHECK(t.p == doctest::Approx(2.0 / 20));  // itself and the tie at 18
  t = candidate_null_test(100.0, panel, 0.05, 1, NullMethod::Rank);
  CHECK(t.p == doctest::Approx(1.0 / 20));
  // It must beat the highest panel value: z of 18 against the panel.
  CHECK(t.detectable_z == doctest::Approx((18.0 - 9.0) / (1.4826 * 5.0)));
  CHECK(conformal_panel_needed(0.05, 1) == 19);
  CHECK(conformal_panel_needed(0.05, 2) == 39);
  // The default is the parametric null whatever the panel's size.
  CHECK(candidate_null_test(18.0, panel, 0.05, 1).kind == NullKind::Parametric);
  CHECK(parse_null_method("rank") == NullMethod::Rank);
  CHECK_THROWS_AS(parse_null_method("normal"), InputError);
}

TEST_CASE("parametric null from eight panel models, insufficient below eight") {
  std::vector<double> panel{0.1, -0.3, 0.5, 0.0, -0.8, 0.9, 0.2, -0.1, 0.4, -0.5};
  auto t = candidate_null_test(5.0, panel, 0.05, 1);
  CHECK(t.kind == NullKind::Parametric);
  CHECK(t.p < 0.01);
  CHECK(std::isfinite(t.detectable_z));
  CHECK(t.description.find("null hypothesis: the candidate is unrelated to the reference") != std::string::npos);
  // With --null rank and too small a panel for the rank, the parametric null stands in.
  CHECK(candidate_null_test(5.0, panel, 0.05, 1, NullMethod::Rank).kind == NullKind::Parametric);
  panel.resize(5);
  t = candidate_null_test(50.0, panel, 0.05, 1);
  CHECK(t.kind == NullKind::Unavailable);
  CHECK(std::isnan(t.p));
  CHECK(t.insufficient.find("panel has 5 models") != std::string::npos);
  CHECK(t.insufficient.find("add 3 or more") != std::string::npos);
}

TEST_CASE("corrections and verdict words") {
  const auto holm = adjust_p_values({0.01, 0.04, NAN}, Correction::Holm);
  CHECK(holm[0] == doctest::Approx(0.03));
  CHECK(holm[1] == doctest::Approx(0.08));
  CHECK(holm[2] == doctest::Approx(1.0));
  const auto bh = adjust_p_values({0.01, 0.04, 0.03}, Correction::BenjaminiHochberg);
  CHECK(bh[0] == doctest::Approx(0.03));
  CHECK(bh[1] == doctest::Approx(0.04));
  CHECK(bh[2] == doctest::Approx(0.04));
  CHECK(adjust_p_values({0.2}, Correction::None)[0] == doctest::Approx(0.2));
  CHECK(parse_correction("bh") == Correction::BenjaminiHochberg);
  CHECK_THROWS_AS(parse_correction("bonferroni"), InputError);
  CHECK(verdict_word(Verdict::NotDetected) == "not detected");
}

namespace {

// Portable draws (the standard distributions differ between libraries): uniform from the
// engine's top 53 bits, normal by Box–Muller.
struct Draws {
  std::mt19937_64 rng;
  explicit Draws(uint64_t seed) : rng(seed) {}
  double uniform() { return (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0; }
  double normal() { return std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307179586 * uniform()); }
  double t5() {
    double c = 0;
    for (int i = 0; i < 5; ++i) c += std::pow(normal(), 2);
    return normal() / std::sqrt(c / 5);
  }
};

}  // namespace

// The verdict's false-positive rate under the null, at the level of the statistic: a panel of
// n models and k candidates unrelated to the reference, the test and the correction exactly as
// `detect` runs them: k = 1 is a named candidate (no correction), k = 5 a sweep (Benjamini-
// Hochberg, the default) and a --family-wise family (Holm). Panels are contaminated by 0, 10,
// 20 or 30% of the reference's relatives (statistics 2 to 6 panel sd higher), as real panels
// hold its other students and versions; statistics are normal or t(5)-tailed. 9,600 families;
// a family counts as a false positive when any unrelated candidate is called distilled. With a
// fixed seed and portable draws the figures are the same everywhere.
TEST_CASE("verdict FPR stays within 5% over 9,600 null simulations, panels contaminated by relatives") {
  Draws d(20240611);
  struct Tally { size_t families = 0, false_positive = 0; };
  std::vector<Tally> by_contamination(4);
  size_t conformal = 0, parametric = 0;
  for (const bool heavy : {false, true})
    for (size_t n : {8, 12, 20, 40, 100})
      for (size_t level = 0; level < 4; ++level)
        for (const Correction correction : {Correction::None, Correction::BenjaminiHochberg, Correction::Holm})
          for (int sim = 0; sim < 80; ++sim) {
            auto draw = [&] { return heavy ? d.t5() : d.normal(); };
            std::vector<double> panel(n);
            const size_t relatives = static_cast<size_t>(std::round(0.1 * static_cast<double>(level * n)));
            for (size_t i = 0; i < n; ++i) panel[i] = draw() + (i < relatives ? 2.0 + 4.0 * d.uniform() : 0.0);
            const size_t k = correction == Correction::None ? 1 : 5;
            std::vector<double> p;
            for (size_t c = 0; c < k; ++c) {
              const auto t = candidate_null_test(draw(), panel, 0.05, correction == Correction::Holm ? k : 1,
                                                 sim % 4 == 3 ? NullMethod::Rank : NullMethod::Parametric);
              REQUIRE(t.kind != NullKind::Unavailable);
              conformal += t.kind == NullKind::Conformal;
              parametric += t.kind == NullKind::Parametric;
              p.push_back(t.p);
            }
            bool any = false;
            for (double a : adjust_p_values(p, correction)) any = any || a <= 0.05;
            ++by_contamination[level].families;
            by_contamination[level].false_positive += any;
          }
  size_t families = 0, false_positive = 0;
  for (size_t level = 0; level < 4; ++level) {
    const auto& t = by_contamination[level];
    const auto ci = ds::core::clopper_pearson(t.false_positive, t.families);
    MESSAGE("relatives " << level * 10 << "%: " << t.false_positive << " of " << t.families
                         << " families with a false positive, CP 95% [" << ci.low << ", " << ci.high << "]");
    CHECK(static_cast<double>(t.false_positive) / static_cast<double>(t.families) <= 0.05);
    families += t.families;
    false_positive += t.false_positive;
  }
  const double fpr = static_cast<double>(false_positive) / static_cast<double>(families);
  MESSAGE("all: " << false_positive << " of " << families << " (" << fpr << "); tests by null: conformal " << conformal
                  << ", parametric " << parametric);
  CHECK(families == 9600);
  CHECK(conformal > 0);
  CHECK(parametric > 0);
  CHECK(fpr <= 0.05);
  // Not vacuous: uncontaminated panels reject near the level.
  CHECK(by_contamination[0].false_positive > families / 4 / 100);
}
