// The viewer's data: every prompt, the reference's answers pinned first and the chosen
// candidates' answers (every sample, with score and why), and the phrases each answer shares
// with the reference's first sample. Answers of a large store do not all fit in one page: the
// candidates are taken strongest first until the budget is spent, and the rest are named.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "harness/pipeline/report_parts.hpp"
#include "results/reports/score_reason.hpp"
#include "results/reports/shared_spans.hpp"

namespace ds::harness {

namespace {

std::string prompt_text(const StoredItem& item) {
  if (item.messages.size() == 1 && item.messages[0].contains("content"))
    return item.messages[0].value("content", "");
  std::string out;
  for (const auto& m : item.messages)
    out += (out.empty() ? "" : "\n\n") + m.value("role", std::string("?")) + ": " + m.value("content", "");
  return out;
}

// The pinned model first, then the candidates in the order they should be offered.
std::vector<std::string> model_order(Store& store, const ReportOptions& options, const DetectionView* detection) {
  std::vector<std::string> known;
  for (const auto& m : store.models()) known.push_back(m.name);
  for (const auto& name : options.viewer_models)
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw InputError(fmt::format("--viewer-model {}: no such model in the store (models: {})", name,
                                   fmt::join(known, ", ")));
  std::vector<std::string> order;
  // The reference (its first member, for a family) is pinned first.
  if (detection && !detection->result.reference.empty()) order.push_back(detection->result.reference.front());
  else if (!options.reference.empty()) order.push_back(options.reference);
  if (!options.viewer_models.empty()) {
    order.insert(order.end(), options.viewer_models.begin(), options.viewer_models.end());
  } else if (detection) {
    for (const auto& c : detection->result.candidates) order.push_back(c.model);
  }
  for (const auto& name : known) order.push_back(name);
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const auto& name : order)
    if (seen.insert(name).second) unique.push_back(name);
  return unique;
}

// Primary scores by (response, scorer); the primary scorer of a response is its suite's.
using ScoreMap = std::map<std::pair<int64_t, std::string>, StoredScore>;

ViewerAnswer answer_of(const Record& r, const ScoreMap& scores, const json& item_data) {
  ViewerAnswer a;
  a.sample = r.sample;
  a.text = r.text;
  a.error = r.error;
  a.score = r.score;
  const auto sc = scores.find({r.id, r.suite});
  const bool has = sc != scores.end();
  const ScoreReason why = score_reason(r.suite, item_data, has ? sc->second.extracted : "",
                                       has ? sc->second.details : json(), has);
  if (r.error.empty()) a.why = why.graded ? reason_line(why, r.score) : "not graded: " + why.unscored_reason;
  return a;
}

}  // namespace

ViewerData viewer_data(Store& store, const ReportOptions& options, const DetectionView* detection,
                       const SimulatedModels& simulated) {
  ViewerData v;
  v.min_shared_words = kMinSharedWords;
  const std::vector<std::string> order = model_order(store, options, detection);
  std::map<std::string, size_t> prompt_index;
  std::map<std::string, json> item_data;
  for (const auto& item : store.items()) {
    const std::string id = item.suite + "/" + item.item_id;
    prompt_index[id] = v.prompts.size();
    item_data[id] = item.data;
    v.prompts.push_back({id, item.suite, item.system, prompt_text(item), expected_answer(item.data)});
  }
  ScoreMap scores;
  for (auto& sc : store.scores()) scores[{sc.response_id, sc.scorer}] = std::move(sc);
  size_t spent = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const std::string& name = order[k];
    const bool chosen = k == 0 || std::find(options.viewer_models.begin(), options.viewer_models.end(), name) !=
                                      options.viewer_models.end();
    std::vector<Record> records = store.responses({.model = name, .ok_only = false});
    size_t bytes = 0;
    for (const auto& r : records) bytes += r.text.size();
    if (!chosen && (spent + bytes > options.viewer_budget_bytes || !options.viewer_models.empty())) {
      v.omitted.push_back(name);
      continue;
    }
    spent += bytes;
    std::vector<std::vector<ViewerAnswer>> by_prompt(v.prompts.size());
    for (const auto& r : records) {
      const auto p = prompt_index.find(r.suite + "/" + r.item_id);
      if (p == prompt_index.end()) continue;
      by_prompt[p->second].push_back(answer_of(r, scores, item_data[p->first]));
    }
    v.models.push_back(name);
    const auto sim = simulated.find(name);
    v.simulated.push_back(sim != simulated.end() && sim->second);
    v.answers.push_back(std::move(by_prompt));
  }
  if (!v.omitted.empty())
    v.omitted_reason = options.viewer_models.empty()
                           ? fmt::format("their answers would make the page larger than {} MB; choose "
                                         "models with --viewer-model",
                                         options.viewer_budget_bytes / 1'000'000)
                           : "not chosen with --viewer-model";
  // Phrases each candidate answer shares with the pinned model's first sample.
  for (size_t m = 1; m < v.models.size(); ++m)
    for (size_t p = 0; p < v.prompts.size(); ++p) {
      if (v.answers[0][p].empty()) continue;
      const std::string& pinned = v.answers[0][p].front().text;
      for (auto& a : v.answers[m][p]) {
        auto spans = shared_spans(a.text, pinned);
        a.marks = std::move(spans.in_a);
        a.reference_marks = std::move(spans.in_b);
      }
    }
  return v;
}

}  // namespace ds::harness
