#include "harness/pipeline/score_basis_build.hpp"

#include <map>

#include "scorers/creativity/dat_human_scale.hpp"
#include "scorers/philosophy/choice.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

void add_suites(const Summary& summary, ScoreBasisView& v) {
  for (const auto& [model, m] : summary.models)
    for (const auto& [suite, s] : m.suites)
      v.suites.push_back({model, suite, s.score.items, s.score.asked, s.score.insufficient, s.unscored_reasons});
}

void add_dat(const Summary& summary, ScoreBasisView& v) {
  const auto& scale = scorers::dat_human_scale();
  if (!scale) return;
  v.dat_human_average = scale->human_average;
  v.dat_source = scale->source;
  for (const auto& [model, m] : summary.models) {
    const SuiteSummary* s = m.suite("creativity");
    if (!s || !s->dat_human_scale || !s->dat_human_scale->interval) continue;
    const auto& i = *s->dat_human_scale->interval;
    v.dat.push_back({model, i.mean, i.low, i.high, s->dat_human_scale->items});
  }
}

// Per topic (items of one survey question share it), each model's share of each choice over
// all its samples that named one.
void add_philosophy(Store& store, ScoreBasisView& v) {
  std::map<std::string, PhilosophyAnchorRow> by_topic;
  std::map<std::string, std::string> topic_of;  // item → topic
  for (const auto& item : store.items("philosophy")) {
    const json& d = item.data;
    if (d.value("kind", std::string()) != "forced" || !d.contains("human_distribution")) continue;
    const std::string topic = d.value("topic", item.item_id);
    topic_of[item.item_id] = topic;
    if (by_topic.count(topic)) continue;
    PhilosophyAnchorRow row;
    row.topic = topic;
    row.source = d.value("source", std::string());
    row.labels = scorers::choice_labels(d.value("choices", json::array()));
    const auto a = scorers::philosophy_agreement({}, row.labels, d["human_distribution"]);
    row.human = a.human;
    row.unlisted_human_mass = a.unlisted_human_mass;
    by_topic[topic] = std::move(row);
  }
  std::map<int64_t, std::pair<std::string, std::string>> model_item;  // response → model, item
  for (const auto& a : store.answer_scores())
    if (a.suite == "philosophy" && topic_of.count(a.item_id)) model_item[a.response_id] = {a.model, a.item_id};
  std::map<std::string, std::map<std::string, std::map<std::string, double>>> counts;  // topic → model → label
  for (const auto& sc : store.scores("philosophy")) {
    const auto it = model_item.find(sc.response_id);
    if (it == model_item.end() || sc.extracted.empty()) continue;
    counts[topic_of[it->second.second]][it->second.first][sc.extracted] += 1;
  }
  for (auto& [topic, models] : counts) {
    auto& row = by_topic[topic];
    for (auto& [model, labels] : models) {
      double n = 0;
      for (const auto& [_, c] : labels) n += c;
      for (auto& [_, c] : labels) c /= n;
      row.models[model] = labels;
      row.samples[model] = static_cast<size_t>(n);
    }
  }
  for (auto& [_, row] : by_topic)
    if (!row.models.empty()) v.philosophy.push_back(std::move(row));
}

}  // namespace

ScoreBasisView score_basis_view(Store& store, const Summary& summary) {
  ScoreBasisView v;
  add_suites(summary, v);
  add_dat(summary, v);
  add_philosophy(store, v);
  return v;
}

}  // namespace ds::harness
