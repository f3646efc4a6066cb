#include "scorers/scorer.hpp"

#include <map>
#include <set>

#include "scorers/coding/coding_scorer.hpp"
#include "scorers/corpus_scores.hpp"
#include "scorers/creativity/creativity_scorer.hpp"
#include "scorers/judge/judge.hpp"
#include "scorers/math/math_scorer.hpp"
#include "scorers/philosophy/philosophy_scorer.hpp"
#include "scorers/probes/probe_fingerprint.hpp"

namespace ds {

namespace {

constexpr size_t kJudgeTextKept = 2000;

void ask_judge(const SuiteItem& item, const std::string& response, const ScoreContext& ctx,
               Score& s) {
  s.details["judge_kind"] = judge_kind(item);
  if (!ctx.judge) {
    s.details["unscored"] = "needs a judge model (--judge SPEC)";
    return;
  }
  const auto reply = ctx.judge(build_judge_request(item, response));
  if (!reply) {
    s.details["unscored"] = "the judge call failed";
    return;
  }
  s.details["judge_text"] = reply->substr(0, kJudgeTextKept);
  s.value = parse_judge_score(*reply);
  if (s.value) {
    s.details.erase("needs_judge");
    s.details.erase("unscored");
  } else {
    s.details["unscored"] = "the judge's reply contains no score";
  }
}

Score from_stored(const StoredScore& stored) {
  Score s;
  s.value = stored.value;
  s.extracted = stored.extracted;
  s.details = stored.details.is_object() ? stored.details : json::object();
  return s;
}

// Stored scores that must be computed again: missing, or waiting for a judge we now have.
bool needs_scoring(const StoredScore* stored, const ScoreOptions& options) {
  if (!stored || options.rescore) return true;
  if (options.context.judge && !stored->value && stored->details.is_object() &&
      stored->details.value("needs_judge", false))
    return true;
  return false;
}

}  // namespace

SuiteItem suite_item_from_stored(const StoredItem& stored) {
  SuiteItem item;
  item.id = stored.item_id;
  item.suite = stored.suite;
  item.system = stored.system;
  if (stored.messages.is_array())
    for (const auto& m : stored.messages)
      if (m.is_object())
        item.messages.push_back({m.value("role", std::string()), m.value("content", std::string())});
  item.data = stored.data;
  return item;
}

Score score_response(const SuiteItem& item, const std::string& response,
                     const ScoreContext& ctx) {
  Score s;
  if (item.suite == "math") {
    s = score_math(item.data, response);
  } else if (item.suite == "coding") {
    try {
      s = score_coding(item.data, response, ctx.sandbox);
    } catch (const SandboxUnavailable& e) {
      s.details["unscored"] = e.what();
      s.details["sandbox_unavailable"] = true;
    }
  } else if (item.suite == "creativity") {
    s = score_creativity(item.data, response);
  } else if (item.suite == "philosophy") {
    s = score_philosophy(item.data, response);
  } else if (item.suite == "probes") {
    s = score_probe(item.data, response);
  } else {
    s.details["unscored"] = "no scorer for suite '" + item.suite + "'";
  }
  if (s.details.value("needs_judge", false)) ask_judge(item, response, ctx, s);
  return s;
}

ScoreStoreReport score_store(Store& store, const ScoreOptions& options) {
  ScoreStoreReport report;
  std::map<std::pair<std::string, std::string>, SuiteItem> items;
  for (const auto& stored : store.items())
    items[{stored.suite, stored.item_id}] = suite_item_from_stored(stored);

  const auto responses = store.responses({});
  std::map<int64_t, StoredScore> stored_scores;  // the suite scorer's score per response
  std::map<int64_t, std::string> suite_of;
  for (const auto& r : responses) suite_of[r.id] = r.suite;
  for (auto& sc : store.scores())
    if (suite_of.count(sc.response_id) && suite_of[sc.response_id] == sc.scorer)
      stored_scores[sc.response_id] = std::move(sc);

  // Group answers by item; an item is dirty when one of its answers needs scoring.
  std::map<std::pair<std::string, std::string>, std::vector<const Record*>> groups;
  for (const auto& r : responses) groups[{r.suite, r.item_id}].push_back(&r);

  std::set<std::string> warnings;
  std::vector<ScoredResponse> to_write;
  for (const auto& [key, group] : groups) {
    const auto item_it = items.find(key);
    const bool corpus = item_it != items.end() && has_corpus_scores(item_it->second);
    bool dirty = false;
    for (const auto* r : group) {
      const auto it = stored_scores.find(r->id);
      const bool selected = !options.model || *options.model == r->model;
      if (selected && needs_scoring(it == stored_scores.end() ? nullptr : &it->second, options))
        dirty = true;
    }
    if (!dirty) continue;
    std::vector<ScoredResponse> scored;
    for (const auto* r : group) {
      const auto it = stored_scores.find(r->id);
      const StoredScore* stored = it == stored_scores.end() ? nullptr : &it->second;
      const bool selected = !options.model || *options.model == r->model;
      if (!selected && !corpus) continue;
      ScoredResponse sr{r->id, r->model, r->text, {}};
      if (stored && !(selected && needs_scoring(stored, options))) {
        sr.score = from_stored(*stored);
      } else if (item_it == items.end()) {
        sr.score.details["unscored"] = "item '" + r->item_id + "' of suite '" + r->suite +
                                       "' is not in the store";
      } else {
        sr.score = score_response(item_it->second, r->text, options.context);
      }
      if (sr.score.details.value("sandbox_unavailable", false))
        warnings.insert(sr.score.details["unscored"].get<std::string>());
      scored.push_back(std::move(sr));
    }
    if (corpus) apply_corpus_scores(item_it->second, scored);
    for (auto& sr : scored) to_write.push_back(std::move(sr));
  }

  store.db().transaction([&] {
    for (const auto& sr : to_write) {
      store.put_score({sr.response_id, suite_of[sr.response_id], sr.score.value,
                       sr.score.extracted, sr.score.details});
      (sr.score.value ? report.scored : report.unscored)++;
    }
  });
  report.warnings.assign(warnings.begin(), warnings.end());
  return report;
}

}  // namespace ds
