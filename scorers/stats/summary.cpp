#include "scorers/stats/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "scorers/coding/coding_scorer.hpp"
#include "scorers/stats/bootstrap.hpp"

namespace ds {

namespace {

const std::vector<std::string> kProfile = {"math", "coding", "creativity", "philosophy"};

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

json interval_json(const std::vector<double>& means, const std::string& label) {
  if (means.empty()) return {{"mean", nullptr}, {"ci_low", nullptr}, {"ci_high", nullptr}, {"n", 0}};
  const Interval ci = bootstrap_mean(means, bootstrap_seed(label));
  return {{"mean", ci.mean}, {"ci_low", ci.low}, {"ci_high", ci.high}, {"n", means.size()}};
}

json pass_at_k_json(const ItemValues& items) {
  int min_n = 0;
  for (const auto& [_, v] : items)
    if (!v.empty()) min_n = min_n == 0 ? static_cast<int>(v.size()) : std::min<int>(min_n, v.size());
  json out = json::object();
  if (min_n == 0) return out;
  std::set<int> ks = {1, min_n};
  for (int k : ks) {
    double sum = 0;
    int count = 0;
    for (const auto& [_, v] : items) {
      if (v.empty()) continue;
      const int c = static_cast<int>(std::count(v.begin(), v.end(), 1.0));
      sum += pass_at_k(static_cast<int>(v.size()), c, k);
      ++count;
    }
    out[std::to_string(k)] = sum / count;
  }
  return out;
}

struct Dimension {
  double min = 0, max = 0;
  bool scaled = false;  // false: fewer than two models or no spread, raw scores used
  double apply(double x) const { return scaled ? (x - min) / (max - min) : x; }
};

}  // namespace

json suite_summary(Store& store) {
  // model → suite → item → values
  std::map<std::string, std::map<std::string, ItemValues>> values;
  std::map<std::string, std::map<std::string, std::pair<int, int>>> counts;  // responses, unscored
  std::map<int64_t, std::pair<std::string, std::string>> model_item_of;  // response → model, item
  for (const auto& r : store.responses({})) {
    auto& items = values[r.model][r.suite];
    auto& c = counts[r.model][r.suite];
    ++c.first;
    items[r.item_id];
    if (r.score) items[r.item_id].push_back(*r.score);
    else ++c.second;
    model_item_of[r.id] = {r.model, r.item_id};
  }
  std::map<std::string, std::string> creativity_task;
  for (const auto& item : store.items("creativity"))
    creativity_task[item.item_id] = item.data.value("task", std::string());
  // model → item → diversity (one per model and item)
  std::map<std::string, std::map<std::string, json>> diversity;
  for (const auto& sc : store.scores("creativity")) {
    if (!sc.details.is_object() || !sc.details.contains("diversity")) continue;
    const auto it = model_item_of.find(sc.response_id);
    if (it != model_item_of.end()) diversity[it->second.first][it->second.second] = sc.details["diversity"];
  }
  std::map<std::string, bool> simulated;
  for (const auto& m : store.models()) simulated[m.name] = m.simulated;

  json out = {{"bootstrap", {{"resamples", kBootstrapResamples}, {"level", kBootstrapLevel},
                             {"over", "items"}, {"seed", "FNV-1a of model/suite"}}},
              {"models", json::object()}};
  std::map<std::string, std::map<std::string, std::vector<double>>> profile_means;
  for (const auto& [model, suites] : values) {
    json m = {{"simulated", simulated.count(model) ? simulated[model] : false},
              {"suites", json::object()}};
    for (const auto& [suite, items] : suites) {
      const auto means = item_means(items);
      json s = interval_json(means, model + "/" + suite);
      s["n_responses"] = counts[model][suite].first;
      s["n_unscored"] = counts[model][suite].second;
      if (suite == "coding") s["pass_at_k"] = pass_at_k_json(items);
      if (suite == "creativity") {
        std::map<std::string, ItemValues> by_task;
        for (const auto& [item, v] : items) by_task[creativity_task[item]][item] = v;
        s["by_task"] = json::object();
        for (const auto& [task, task_items] : by_task)
          s["by_task"][task.empty() ? "unknown" : task] =
              interval_json(item_means(task_items), model + "/creativity/" + task);
        std::vector<double> d2, sim;
        for (const auto& [_, d] : diversity[model]) {
          if (d["distinct_2"].is_number()) d2.push_back(d["distinct_2"].get<double>());
          if (d["mean_pairwise_similarity"].is_number())
            sim.push_back(d["mean_pairwise_similarity"].get<double>());
        }
        if (!d2.empty()) {
          s["diversity"] = {{"distinct_2", interval_json(d2, model + "/diversity/d2")},
                            {"mean_pairwise_similarity",
                             interval_json(sim, model + "/diversity/sim")}};
        }
      }
      if (std::find(kProfile.begin(), kProfile.end(), suite) != kProfile.end() && !means.empty())
        profile_means[model][suite] = means;
      m["suites"][suite] = s;
    }
    out["models"][model] = m;
  }

  // Normalise each profile dimension over the models that have it (min-max).
  std::map<std::string, Dimension> dims;
  json norm = {{"method", "min-max over the models in the store; raw [0,1] scores when "
                          "fewer than two models or no spread"},
               {"dimensions", json::object()}};
  for (const auto& d : kProfile) {
    std::vector<double> points;
    for (const auto& [model, pm] : profile_means)
      if (pm.count(d)) points.push_back(out["models"][model]["suites"][d]["mean"].get<double>());
    Dimension dim;
    if (points.size() >= 2) {
      dim.min = *std::min_element(points.begin(), points.end());
      dim.max = *std::max_element(points.begin(), points.end());
      dim.scaled = dim.max - dim.min > 1e-9;
    }
    dims[d] = dim;
    norm["dimensions"][d] = {{"models", points.size()}, {"scaled", dim.scaled},
                             {"min", dim.min}, {"max", dim.max}};
  }
  out["normalisation"] = norm;

  for (auto& [model, m] : out["models"].items()) {
    json profile = json::object();
    const auto& pm = profile_means[model];
    for (const auto& d : kProfile) {
      if (!pm.count(d)) {
        profile[d] = nullptr;
        continue;
      }
      const json& s = m["suites"][d];
      profile[d] = {{"mean", s["mean"]}, {"ci_low", s["ci_low"]}, {"ci_high", s["ci_high"]},
                    {"n", s["n"]}};
    }
    m["profile"] = profile;
    if (pm.size() != kProfile.size()) {
      m["gap_index"] = nullptr;
      continue;
    }
    auto gap = [&](const std::map<std::string, double>& mean) {
      return (dims["math"].apply(mean.at("math")) + dims["coding"].apply(mean.at("coding"))) / 2 -
             (dims["creativity"].apply(mean.at("creativity")) +
              dims["philosophy"].apply(mean.at("philosophy"))) / 2;
    };
    std::map<std::string, double> point;
    for (const auto& d : kProfile) point[d] = m["suites"][d]["mean"].get<double>();
    std::mt19937_64 rng(bootstrap_seed(model + "/gap"));
    const Interval ci = bootstrap_percentiles(gap(point), [&] {
      std::map<std::string, double> draw;
      for (const auto& d : kProfile) draw[d] = resampled_mean(pm.at(d), rng);
      return gap(draw);
    });
    m["gap_index"] = {{"value", ci.mean}, {"ci_low", ci.low}, {"ci_high", ci.high}};
  }
  return out;
}

std::string format_summary_table(const json& summary) {
  auto cell = [](const json& s) -> std::string {
    if (s.is_null() || !s.is_object() || s.value("mean", json()).is_null()) return "unscored";
    return fmt::format("{:.2f} [{:.2f}, {:.2f}]", s["mean"].get<double>(),
                       s["ci_low"].get<double>(), s["ci_high"].get<double>());
  };
  auto gap_cell = [](const json& g) -> std::string {
    if (g.is_null()) return "n/a";
    return fmt::format("{:+.2f} [{:+.2f}, {:+.2f}]", g["value"].get<double>(),
                       g["ci_low"].get<double>(), g["ci_high"].get<double>());
  };
  const json models = summary.value("models", json::object());
  size_t width = 5;
  for (const auto& [name, m] : models.items())
    width = std::max(width, name.size() + (m.value("simulated", false) ? 12 : 0));
  std::string out =
      "Humanity profile: mean score [95% bootstrap CI over items]; gap = (math+coding)/2 - "
      "(creativity+philosophy)/2, each min-max normalised across models\n";
  out += fmt::format("{:<{}}  {:<19}{:<19}{:<19}{:<19}{}\n", "model", width, "math", "coding",
                     "creativity", "philosophy", "gap index");
  for (const auto& [name, m] : models.items()) {
    const std::string label = name + (m.value("simulated", false) ? " (simulated)" : "");
    const json p = m.value("profile", json::object());
    out += fmt::format("{:<{}}  {:<19}{:<19}{:<19}{:<19}{}\n", label, width, cell(p.value("math", json())),
                       cell(p.value("coding", json())), cell(p.value("creativity", json())),
                       cell(p.value("philosophy", json())), gap_cell(m.value("gap_index", json())));
  }
  out += "\nPer suite (n = items scored; unscored = answers without a score)\n";
  for (const auto& [name, m] : models.items()) {
    const std::string label = name + (m.value("simulated", false) ? " (simulated)" : "");
    const json suites = m.value("suites", json::object());  // kept alive for the loop
    for (const auto& [suite, s] : suites.items()) {
      std::string line = fmt::format("  {:<{}}  {:<11} {:<19} n={:<4} unscored={}/{}", label,
                                     width, suite, cell(s), s.value("n", 0),
                                     s.value("n_unscored", 0), s.value("n_responses", 0));
      if (s.contains("pass_at_k"))
        for (const auto& [k, v] : s["pass_at_k"].items())
          line += fmt::format("  pass@{}={:.2f}", k, v.get<double>());
      out += line + "\n";
    }
  }
  return out;
}

}  // namespace ds
