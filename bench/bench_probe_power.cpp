// Power study of the active probe battery: how often the probe component detects a student
// that answers from lambda x its teacher's distribution + (1 - lambda) x its own, by lambda and
// samples per probe, and its false-positive rate over null simulations (lambda = 0), each with
// a 95% Clopper–Pearson interval. Simulated at the level of answer distributions (no texts,
// no HTTP): synthetic worlds of probe prompts where every model mixes answers all models reach
// for with favourites of its own (scorers/lineage/probe_power.hpp).
// Reproduce: cmake --build build --target bench_probe_power && ./build/bench_probe_power [SIMS] [NULL_SIMS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "scorers/lineage/probe_power.hpp"

using namespace ds::scorers::lineage;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kAlpha = 0.05;
constexpr uint64_t kSeed = 2025;

std::function<ProbeWorld(size_t)> worlds(const SyntheticWorldSpec& spec) {
  return [spec](size_t k) { return synthetic_probe_world(spec, 0xC0FFEE + k); };
}

std::string cell(const PowerEstimate& e, int decimals = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f [%.*f,%.*f]", decimals, e.rate(), decimals, e.interval.low, decimals,
                e.interval.high);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t sims = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  const size_t null_sims = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000;
  const auto start = Clock::now();
  const SyntheticWorldSpec spec;  // 30 prompts x 50 possible answers, panel of 10
  const auto make = worlds(spec);
  const std::vector<double> lambdas = {0.1, 0.3, 0.5, 1.0};
  const std::vector<int> sizes = {2, 5, 10, 20, 50};

  std::printf("probe power study: the probe component alone, tested like a detector component (z against the "
              "panel's median/MAD, panel Student-t null, alpha %.2f, one candidate)\n"
              "synthetic worlds: %zu probe prompts x %zu possible answers, panel of %zu unrelated models; "
              "95%% Clopper-Pearson intervals\n\n",
              kAlpha, spec.prompts, spec.categories, spec.panel);
  std::printf("power, %zu simulations per cell\n%-7s", sims, "lambda");
  for (int n : sizes) std::printf(" %-18s", ("N=" + std::to_string(n)).c_str());
  std::printf("\n");
  for (double lambda : lambdas) {
    std::printf("%-7.1f", lambda);
    for (int n : sizes) std::printf(" %-18s", cell(estimate_probe_power(make, lambda, n, sims, kAlpha, kSeed)).c_str());
    std::printf("\n");
  }

  std::printf("\nfalse-positive rate (lambda = 0: the candidate is one more unrelated model), %zu null simulations\n",
              null_sims);
  for (int n : {5, 20}) {
    const auto fpr = estimate_probe_power(make, 0.0, n, null_sims, kAlpha, kSeed + 1);
    std::printf("  N=%-3d %zu of %zu = %s\n", n, fpr.detected, fpr.simulations, cell(fpr, 3).c_str());
  }

  std::printf("\nsamples per probe for 80%% power (grid 2, 4, 8, ..., 256; %zu simulations each)\n", sims);
  for (double lambda : lambdas) {
    const auto found = samples_for_power(make, lambda, 0.8, 256, sims, kAlpha, kSeed);
    if (found)
      std::printf("  lambda %.1f: %d (power %s)\n", lambda, found->samples, cell(found->power).c_str());
    else
      std::printf("  lambda %.1f: not reached by 256 (power %s at 256)\n", lambda,
                  cell(estimate_probe_power(make, lambda, 256, sims, kAlpha, kSeed)).c_str());
  }

  SyntheticWorldSpec wide = spec;
  wide.panel = 30;
  std::printf("\npanel of 30 instead of 10, N=20: ");
  for (double lambda : {0.1, 0.3})
    std::printf("lambda %.1f power %s  ", lambda, cell(estimate_probe_power(worlds(wide), lambda, 20, sims, kAlpha, kSeed)).c_str());
  std::printf("\n\nwall %.1f s\nReproduce: ./build/bench_probe_power %zu %zu\n",
              std::chrono::duration<double>(Clock::now() - start).count(), sims, null_sims);
  return 0;
}
