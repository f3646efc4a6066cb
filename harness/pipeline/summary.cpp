#include "harness/pipeline/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "scorers/coding/coding_scorer.hpp"
#include "core/rng.hpp"
#include "core/bootstrap.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

// item id → the values of its scored samples
using ItemValues = std::map<std::string, std::vector<double>>;

std::vector<double> item_means(const ItemValues& items) {
  std::vector<double> means;
  for (const auto& [_, values] : items) {
    if (values.empty()) continue;
    double sum = 0;
    for (double v : values) sum += v;
    means.push_back(sum / values.size());
  }
  return means;
}

// `asked`: items with an answer (0: every item counted in `means` was asked).
ScoreEstimate estimate(const std::vector<double>& means, const std::string& label, size_t asked = 0) {
  ScoreEstimate e;
  e.items = means.size();
  e.asked = std::max(asked, means.size());
  e.insufficient = !means.empty() && 2 * e.items < e.asked;
  if (!means.empty() && !e.insufficient) e.interval = bootstrap_mean(means, bootstrap_seed(label));
  return e;
}

std::map<int, double> pass_at_k_of(const ItemValues& items) {
  int min_n = 0;
  for (const auto& [_, v] : items)
    if (!v.empty()) min_n = min_n == 0 ? static_cast<int>(v.size()) : std::min<int>(min_n, v.size());
  std::map<int, double> out;
  if (min_n == 0) return out;
  for (int k : std::set<int>{1, min_n}) {
    double sum = 0;
    int count = 0;
    for (const auto& [_, v] : items) {
      if (v.empty()) continue;
      const int c = static_cast<int>(std::count(v.begin(), v.end(), 1.0));
      sum += pass_at_k(static_cast<int>(v.size()), c, k);
      ++count;
    }
    out[k] = sum / count;
  }
  return out;
}

// A profile dimension's scale: z = (mean − grand mean of the models' means) / SD of the item
// scores pooled over the models. The item SD, unlike the spread of a handful of model means,
// is estimated from hundreds of values, so the gap's interval stays meaningful with 2 models.
double on_scale(const DimensionScale& d, double x) { return d.scaled ? (x - d.centre) / d.scale : x; }

// Store rows gathered per model, suite and item.
struct Gathered {
  std::map<std::string, std::map<std::string, ItemValues>> values;  // model → suite → item
  std::map<std::string, std::map<std::string, std::pair<size_t, size_t>>> counts;  // answered, unscored
  std::map<std::string, std::map<std::string, std::map<std::string, size_t>>> unscored_reasons;  // model → suite → reason → n
  std::map<std::string, std::string> creativity_task;  // item → task kind
  std::map<std::string, std::map<std::string, json>> diversity;  // model → item → details
  std::map<std::string, ItemValues> dat_human_scale;  // model → item → DAT on the human scale
  std::map<std::string, bool> simulated;
};

// Why a model's answers in a suite went unscored: the scorers' stated reasons, counted.
void count_unscored_reasons(Store& store, Gathered& g) {
  for (const auto& c : store.unscored_counts())
    g.unscored_reasons[c.model][c.suite][c.reason.value_or("not scored yet")] += c.count;
}

Gathered gather(Store& store) {
  Gathered g;
  std::map<int64_t, std::pair<std::string, std::string>> model_item_of;  // response → model, item
  for (const auto& a : store.answer_scores()) {
    auto& items = g.values[a.model][a.suite];
    auto& c = g.counts[a.model][a.suite];
    ++c.first;
    auto& values = items[a.item_id];
    if (a.score) {
      values.push_back(*a.score);
    } else {
      ++c.second;
    }
    if (a.suite == "creativity") model_item_of[a.response_id] = {a.model, a.item_id};
  }
  count_unscored_reasons(store, g);
  for (const auto& item : store.items("creativity"))
    g.creativity_task[item.item_id] = item.data.value("task", std::string());
  for (const auto& sc : store.scores("creativity")) {
    if (!sc.details.is_object()) continue;
    const auto it = model_item_of.find(sc.response_id);
    if (it == model_item_of.end()) continue;
    const auto& [model, item] = it->second;
    if (sc.details.contains("diversity")) g.diversity[model][item] = sc.details["diversity"];
    if (sc.details.contains("dat_human_scale") && sc.details["dat_human_scale"].is_number())
      g.dat_human_scale[model][item].push_back(sc.details["dat_human_scale"].get<double>());
  }
  for (const auto& m : store.models()) g.simulated[m.name] = m.simulated;
  return g;
}

void add_creativity_details(const Gathered& g, const std::string& model, const ItemValues& items,
                            SuiteSummary& s) {
  std::map<std::string, ItemValues> by_task;
  for (const auto& [item, v] : items) {
    const auto task = g.creativity_task.find(item);
    by_task[task == g.creativity_task.end() || task->second.empty() ? "unknown" : task->second][item] = v;
  }
  for (const auto& [task, task_items] : by_task)
    s.by_task[task] = estimate(item_means(task_items), model + "/creativity/" + task, task_items.size());
  std::vector<double> d2, sim;
  if (const auto d = g.diversity.find(model); d != g.diversity.end())
    for (const auto& [_, details] : d->second) {
      if (details["distinct_2"].is_number()) d2.push_back(details["distinct_2"].get<double>());
      if (details["mean_pairwise_similarity"].is_number())
        sim.push_back(details["mean_pairwise_similarity"].get<double>());
    }
  if (!d2.empty()) {
    s.distinct_2 = estimate(d2, model + "/diversity/d2");
    s.pairwise_similarity = estimate(sim, model + "/diversity/sim");
  }
  if (const auto d = g.dat_human_scale.find(model); d != g.dat_human_scale.end())
    s.dat_human_scale = estimate(item_means(d->second), model + "/dat_human_scale");
}

// z = (mean − mean of the models' means) / SD of the item means pooled over the models.
DimensionScale dimension_scale(const std::vector<double>& model_means, const std::vector<double>& pooled) {
  DimensionScale d;
  d.models = model_means.size();
  if (model_means.size() < 2) return d;
  double centre = 0, mean = 0, var = 0;
  for (double p : model_means) centre += p / model_means.size();
  for (double v : pooled) mean += v / pooled.size();
  for (double v : pooled) var += (v - mean) * (v - mean) / (pooled.size() - 1);
  d.centre = centre;
  d.scale = std::sqrt(var);
  d.scaled = d.scale > 1e-9;
  return d;
}

}  // namespace

const SuiteSummary* ModelSummary::suite(const std::string& name) const {
  const auto it = suites.find(name);
  return it == suites.end() ? nullptr : &it->second;
}

Summary summarise_store(Store& store) {
  const Gathered g = gather(store);
  Summary out;
  std::map<std::string, std::map<std::string, std::vector<double>>> profile_means;
  for (const auto& [model, suites] : g.values) {
    ModelSummary& m = out.models[model];
    m.simulated = g.simulated.count(model) ? g.simulated.at(model) : false;
    for (const auto& [suite, items] : suites) {
      const auto means = item_means(items);
      SuiteSummary& s = m.suites[suite];
      s.score = estimate(means, model + "/" + suite, items.size());
      std::tie(s.responses, s.unscored) = g.counts.at(model).at(suite);
      if (s.unscored > 0) s.unscored_reasons = g.unscored_reasons.at(model).at(suite);
      if (suite == "coding") s.pass_at_k = pass_at_k_of(items);
      if (suite == "creativity") add_creativity_details(g, model, items, s);
      const auto& dims = kProfileDimensions;
      if (std::find(dims.begin(), dims.end(), suite) != dims.end() && s.score.scored())
        profile_means[model][suite] = means;
    }
  }
  for (const auto& d : kProfileDimensions) {
    std::vector<double> points, pooled;
    for (const auto& [model, pm] : profile_means) {
      if (!pm.count(d)) continue;
      points.push_back(out.models[model].suites[d].score.interval->mean);
      pooled.insert(pooled.end(), pm.at(d).begin(), pm.at(d).end());
    }
    out.normalisation[d] = dimension_scale(points, pooled);
  }
  for (auto& [model, m] : out.models) {
    const auto& pm = profile_means[model];
    if (pm.size() != kProfileDimensions.size()) continue;
    // gap = mean(math, coding) − mean(creativity, philosophy), each on its common scale.
    auto gap = [&](const std::map<std::string, double>& mean) {
      auto z = [&](const std::string& d) { return on_scale(out.normalisation[d], mean.at(d)); };
      return (z("math") + z("coding")) / 2 - (z("creativity") + z("philosophy")) / 2;
    };
    std::map<std::string, double> point;
    for (const auto& d : kProfileDimensions) point[d] = m.suites[d].score.interval->mean;
    SplitMix64 rng(bootstrap_seed(model + "/gap"));
    m.gap_index = bootstrap_percentiles(gap(point), [&] {
      std::map<std::string, double> draw;
      for (const auto& d : kProfileDimensions) draw[d] = resampled_mean(pm.at(d), rng);
      return gap(draw);
    });
  }
  return out;
}

}  // namespace ds::harness
