#include "scorers/lineage/probe_power.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

#include "scorers/lineage/probe_distributions.hpp"
#include "core/hash.hpp"
#include "core/rng.hpp"

namespace ds::scorers::lineage {

namespace {

// Zipf probabilities (rank r gets r^-exponent) laid over the categories in a random order.
std::vector<double> zipf_in_random_order(size_t categories, double exponent, SplitMix64& rng) {
  std::vector<size_t> order(categories);
  std::iota(order.begin(), order.end(), size_t{0});
  rng.shuffle(order);
  std::vector<double> p(categories);
  double total = 0;
  for (size_t rank = 0; rank < categories; ++rank)
    total += p[order[rank]] = std::pow(static_cast<double>(rank + 1), -exponent);
  for (auto& v : p) v /= total;
  return p;
}

std::vector<double> mix(const std::vector<double>& a, const std::vector<double>& b, double weight_a) {
  std::vector<double> out(std::max(a.size(), b.size()), 0.0);
  for (size_t i = 0; i < a.size(); ++i) out[i] += weight_a * a[i];
  for (size_t i = 0; i < b.size(); ++i) out[i] += (1 - weight_a) * b[i];
  return out;
}

// `n` category ids drawn from probabilities p (inverse of the cumulative distribution).
std::vector<int> draw(const std::vector<double>& p, int n, SplitMix64& rng) {
  std::vector<double> cumulative(p.size());
  std::partial_sum(p.begin(), p.end(), cumulative.begin());
  const double total = cumulative.empty() ? 0.0 : cumulative.back();
  std::vector<int> out;
  if (!(total > 0)) return out;  // a model that never answered this prompt
  out.reserve(static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) {
    const double u = rng.uniform01() * total;
    const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin();
    out.push_back(static_cast<int>(std::min<long>(at, static_cast<long>(p.size()) - 1)));
  }
  return out;
}

uint64_t simulation_seed(uint64_t seed, size_t k) { return seed ^ (kGoldenGamma * (k + 1)); }

}  // namespace

ProbeWorld synthetic_probe_world(const SyntheticWorldSpec& spec, uint64_t seed) {
  SplitMix64 rng(seed);
  PromptDistributions shared;
  for (size_t p = 0; p < spec.prompts; ++p) shared.push_back(zipf_in_random_order(spec.categories, 1.2, rng));
  auto model = [&] {
    const double shared_weight = 0.2 + 0.4 * rng.uniform01();
    const double exponent = 1.0 + rng.uniform01();
    PromptDistributions d;
    for (size_t p = 0; p < spec.prompts; ++p)
      d.push_back(mix(shared[p], zipf_in_random_order(spec.categories, exponent, rng), shared_weight));
    return d;
  };
  ProbeWorld world;
  world.reference = model();
  for (size_t j = 0; j < spec.panel; ++j) world.panel.push_back(model());
  world.candidate_own = model();
  return world;
}

std::function<ProbeWorld(size_t)> stored_probe_worlds(const ProbeAnswers& answers, size_t reference,
                                                      const std::vector<size_t>& panel) {
  // Per prompt the reference answered: every involved model's empirical distribution over the
  // prompt's categories.
  std::vector<size_t> models(panel);
  std::erase(models, reference);
  std::vector<PromptDistributions> empirical(models.size());
  PromptDistributions ref;
  for (size_t p = 0; p < answers.prompts.size(); ++p) {
    if (answers.answers[p][reference].empty()) continue;
    std::map<std::string, size_t> ids;
    auto distribution = [&](const std::vector<std::string>& cats) {
      std::vector<double> d;
      for (const auto& cat : cats) {
        const size_t id = ids.emplace(cat, ids.size()).first->second;
        if (d.size() <= id) d.resize(id + 1, 0.0);
        d[id] += 1.0 / static_cast<double>(cats.size());
      }
      return d;
    };
    ref.push_back(distribution(answers.answers[p][reference]));
    for (size_t j = 0; j < models.size(); ++j) empirical[j].push_back(distribution(answers.answers[p][models[j]]));
  }
  return [empirical, ref](size_t k) {
    ProbeWorld world;
    world.reference = ref;
    const size_t own = k % empirical.size();
    world.candidate_own = empirical[own];
    for (size_t j = 0; j < empirical.size(); ++j)
      if (j != own) world.panel.push_back(empirical[j]);
    return world;
  };
}

NullTest probe_panel_test(const std::vector<double>& values, size_t candidate, const std::vector<size_t>& panel,
                          double alpha, size_t family) {
  std::vector<double> reference;
  for (size_t k : panel)
    if (k != candidate && std::isfinite(values[k])) reference.push_back(values[k]);
  if (!std::isfinite(values[candidate])) {
    NullTest none;
    none.insufficient = "the candidate answered no probe prompt the reference answered";
    return none;
  }
  return candidate_null_test(values[candidate], reference, alpha, family);
}

double simulate_probe_p(const ProbeWorld& world, double lambda, int samples, double alpha, uint64_t seed) {
  SplitMix64 rng(seed);
  const size_t n = world.panel.size(), prompts = world.reference.size();
  std::vector<double> sums(n + 1, 0.0), counts(n + 1, 0.0);  // 0 = candidate, 1..n = panel
  auto add = [&](size_t i, const std::vector<int>& answers, const std::vector<int>& ref) {
    const double closeness = probe_closeness(answers, ref);
    if (!std::isfinite(closeness)) return;
    sums[i] += closeness;
    counts[i] += 1;
  };
  for (size_t p = 0; p < prompts; ++p) {
    const auto ref = draw(world.reference[p], samples, rng);
    if (ref.empty()) continue;
    add(0, draw(mix(world.reference[p], world.candidate_own[p], lambda), samples, rng), ref);
    for (size_t j = 0; j < n; ++j) add(j + 1, draw(world.panel[j][p], samples, rng), ref);
  }
  std::vector<double> values(n + 1, NAN);
  for (size_t i = 0; i <= n; ++i)
    if (counts[i] > 0) values[i] = sums[i] / counts[i];
  std::vector<size_t> panel(n);
  std::iota(panel.begin(), panel.end(), size_t{1});
  return probe_panel_test(values, 0, panel, alpha).p;
}

PowerEstimate estimate_probe_power(const std::function<ProbeWorld(size_t)>& make_world, double lambda,
                                   int samples, size_t simulations, double alpha, uint64_t seed) {
  PowerEstimate out;
  out.simulations = simulations;
  for (size_t k = 0; k < simulations; ++k)
    out.detected += simulate_probe_p(make_world(k), lambda, samples, alpha, simulation_seed(seed, k)) <= alpha;
  out.interval = clopper_pearson(out.detected, out.simulations);
  return out;
}

std::optional<SamplesForPower> samples_for_power(const std::function<ProbeWorld(size_t)>& make_world,
                                                 double lambda, double target, int max_samples,
                                                 size_t simulations, double alpha, uint64_t seed) {
  for (int samples = 2; samples <= max_samples; samples *= 2) {
    const auto power = estimate_probe_power(make_world, lambda, samples, simulations, alpha, seed);
    if (power.rate() >= target) return SamplesForPower{samples, power};
  }
  return std::nullopt;
}

}  // namespace ds::scorers::lineage
