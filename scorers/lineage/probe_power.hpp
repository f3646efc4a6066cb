#pragma once
// How many samples per probe the probe component needs: a power study on answer
// distributions, without texts or HTTP. A world holds the true answer distribution, per probe
// prompt, of the reference R, of each panel model, and of the candidate's "own" (what it would
// answer had it learnt nothing from R). A simulated student answers from
//     lambda * P_R + (1 - lambda) * P_own
// (lambda = 0 is the null: an unrelated model). Each simulation draws `samples` answers per
// prompt from every model, computes the probe component's values (probe_distributions.hpp) and
// tests the candidate against the panel with the detector's per-candidate test
// (candidate_test.hpp: conformal rank when the panel is large enough, else the panel Student-t
// null). Detected = p <= alpha. This measures the probe component alone, not the detector's verdict,
// which sums every component and corrects across candidates.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "scorers/lineage/probe_distributions.hpp"
#include "core/bootstrap.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"
#include "scorers/lineage/candidate_test.hpp"

namespace ds::scorers::lineage {

using PromptDistributions = std::vector<std::vector<double>>;  // [prompt][category] probabilities

struct ProbeWorld {
  PromptDistributions reference;
  std::vector<PromptDistributions> panel;
  PromptDistributions candidate_own;
};

// Random worlds of the kind the battery meets: per prompt `categories` possible answers; every
// model mixes a preference shared by all models in the world (the answers everyone reaches
// for, like 42 or blue; weight 0.2-0.6 by model) with Zipf-shaped favourites of its own
// (exponent 1-2 by model), so that sharing a popular favourite alone is weak evidence.
struct SyntheticWorldSpec {
  size_t prompts = 30;
  size_t categories = 50;
  size_t panel = 10;
};
ProbeWorld synthetic_probe_world(const SyntheticWorldSpec& spec, uint64_t seed);

// Worlds made of stored answers (probe_answers): per prompt the reference answered, each
// model's empirical answer distribution. An estimate: answers never seen get probability 0, so
// real distributions are wider and the power this gives is optimistic for small stores. World k
// takes panel model k mod n as the candidate's own and the other panel models as the panel.
// Needs >= 3 panel models with answers.
std::function<ProbeWorld(size_t)> stored_probe_worlds(const ProbeAnswers& answers, size_t reference,
                                                      const std::vector<size_t>& panel);

// The component's test of one candidate, the detector's per-candidate test
// (candidate_test.hpp) applied to the probe value alone: values[candidate] against
// values[panel] (candidate left out, NaN values skipped), conformal rank where the panel can
// reach alpha / family, else the panel Student-t null; p is NaN when the panel supports neither.
NullTest probe_panel_test(const std::vector<double>& values, size_t candidate, const std::vector<size_t>& panel,
                          double alpha, size_t family = 1);

// One simulation: the candidate's panel-test p (one candidate, level alpha) for a student with
// mixing weight lambda; NaN when the panel supports no test.
double simulate_probe_p(const ProbeWorld& world, double lambda, int samples, double alpha, uint64_t seed);

struct PowerEstimate {
  size_t detected = 0;
  size_t simulations = 0;
  Interval interval;  // 95% Clopper–Pearson
  double rate() const { return simulations ? static_cast<double>(detected) / static_cast<double>(simulations) : 0.0; }
};

// Detection rate over `simulations` draws (the power; at lambda = 0 the false-positive rate);
// simulation k uses make_world(k).
PowerEstimate estimate_probe_power(const std::function<ProbeWorld(size_t)>& make_world, double lambda,
                                   int samples, size_t simulations, double alpha, uint64_t seed);

// The smallest samples per probe on the grid 2, 4, 8, ... <= max_samples whose estimated power
// reaches `target`, with that estimate; nullopt when none does.
struct SamplesForPower {
  int samples = 0;
  PowerEstimate power;
};
std::optional<SamplesForPower> samples_for_power(const std::function<ProbeWorld(size_t)>& make_world,
                                                 double lambda, double target, int max_samples,
                                                 size_t simulations, double alpha, uint64_t seed);

}  // namespace ds::scorers::lineage
