#include "harness/pipeline/score_stage.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "core/utf8.hpp"
#include "scorers/corpus_scores.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

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
  item.kind = resolve_suite_kind(stored.suite, stored.data);
  return item;
}

namespace {

using ItemKey = std::pair<std::string, std::string>;  // suite, item id

// What the store holds that scoring needs, read once.
struct StoreSnapshot {
  std::map<ItemKey, SuiteItem> items;
  std::vector<Record> responses;
  std::map<int64_t, StoredScore> stored_scores;  // the suite scorer's score per response
  std::map<int64_t, std::string> suite_of;       // response → suite (= scorer name)
};

StoreSnapshot read_whole_store(Store& store) {
  StoreSnapshot snap;
  for (const auto& stored : store.items())
    snap.items[{stored.suite, stored.item_id}] = suite_item_from_stored(stored);
  snap.responses = store.responses({});
  for (const auto& r : snap.responses) snap.suite_of[r.id] = r.suite;
  for (auto& sc : store.scores())
    if (snap.suite_of.count(sc.response_id) && snap.suite_of[sc.response_id] == sc.scorer)
      snap.stored_scores[sc.response_id] = std::move(sc);
  return snap;
}

// Only the items that may need scoring, with all their answers (corpus scores see every
// answer): a run of a few requests into a store of a whole leaderboard reads a few items, not
// the leaderboard. When most items need scoring, one pass over the store is cheaper.
StoreSnapshot read_snapshot(Store& store, const ScoreOptions& options) {
  if (options.rescore) return read_whole_store(store);
  const auto keys = store.items_to_score(options.model, static_cast<bool>(options.context.judge));
  if (keys.size() * 4 > store.item_count()) return read_whole_store(store);
  StoreSnapshot snap;
  for (const auto& [suite, item_id] : keys) {
    if (auto stored = store.item(suite, item_id)) snap.items[{suite, item_id}] = suite_item_from_stored(*stored);
    for (auto& r : store.item_responses(suite, item_id)) {
      snap.suite_of[r.id] = r.suite;
      snap.responses.push_back(std::move(r));
    }
    for (auto& sc : store.item_scores(suite, item_id)) snap.stored_scores[sc.response_id] = std::move(sc);
  }
  return snap;
}

// One item's answers, some to be scored (pending), the rest carried over so corpus-level
// scores see every answer.
struct GroupWork {
  const SuiteItem* item = nullptr;
  bool corpus = false;
  std::vector<ScoredResponse> scored;
};
struct Pending {
  size_t group = 0, index = 0;
};

const StoredScore* stored_score(const StoreSnapshot& snap, int64_t response_id) {
  const auto it = snap.stored_scores.find(response_id);
  return it == snap.stored_scores.end() ? nullptr : &it->second;
}

// Decides what to score: an item is dirty when one of its selected answers needs scoring.
void plan_group(const StoreSnapshot& snap, const ItemKey& key, const std::vector<const Record*>& group,
                const ScoreOptions& options, std::vector<GroupWork>& work,
                std::vector<Pending>& pending) {
  const auto item_it = snap.items.find(key);
  const bool corpus = item_it != snap.items.end() && has_corpus_scores(item_it->second);
  auto selected = [&](const Record* r) { return !options.model || *options.model == r->model; };
  bool dirty = false;
  for (const auto* r : group)
    dirty = dirty || (selected(r) && needs_scoring(stored_score(snap, r->id), options));
  if (!dirty) return;
  GroupWork gw;
  gw.item = item_it == snap.items.end() ? nullptr : &item_it->second;
  gw.corpus = corpus;
  for (const auto* r : group) {
    const StoredScore* stored = stored_score(snap, r->id);
    if (!selected(r) && !corpus) continue;
    ScoredResponse sr{r->id, r->model, r->text, {}};
    if (stored && !(selected(r) && needs_scoring(stored, options))) {
      sr.score = from_stored(*stored);
    } else if (!gw.item) {
      sr.score.details["unscored"] = "item '" + r->item_id + "' of suite '" + r->suite +
                                     "' is not in the store";
    } else {
      pending.push_back({work.size(), gw.scored.size()});
    }
    gw.scored.push_back(std::move(sr));
  }
  work.push_back(std::move(gw));
}

// One answer's scorer failing (an exception from any scorer) makes that answer unscored with
// the reason; it never stops the run. (Stack overflows are prevented, not caught: scorers read
// model text with linear scanners and bounded JSON.)
Score score_guarded(const SuiteItem& item, const std::string& response, const ScoreContext& ctx) {
  Score s;
  try {
    return score_response(item, response, ctx);
  } catch (const std::exception& e) {
    s.details["unscored"] = "scorer failed: " + excerpt_for_message(e.what(), 300);
  } catch (...) {
    s.details["unscored"] = "scorer failed: unknown error";
  }
  return s;
}

// Writes finished scores in transactions of a few hundred, so an interrupted scoring phase
// keeps what it computed; the next run scores only what is missing. Thread-safe.
class ScoreBatches {
 public:
  ScoreBatches(Store& store, const std::map<int64_t, std::string>& suite_of, ScoreStoreReport& report)
      : store_(store), suite_of_(suite_of), report_(report) {}

  void add(std::vector<ScoredResponse>&& scored) {
    std::lock_guard lock(mutex_);
    for (auto& sr : scored) pending_.push_back(std::move(sr));
    if (pending_.size() >= kBatch || std::chrono::steady_clock::now() - last_commit_ > std::chrono::seconds(2))
      commit();
  }
  void flush() {
    std::lock_guard lock(mutex_);
    commit();
  }

 private:
  static constexpr size_t kBatch = 256;

  void commit() {
    if (pending_.empty()) return;
    store_.db().transaction([&] {
      for (const auto& sr : pending_)
        store_.put_score({sr.response_id, suite_of_.at(sr.response_id), sr.score.value, sr.score.extracted,
                          sr.score.details});
    });
    for (const auto& sr : pending_) (sr.score.value ? report_.scored : report_.unscored)++;
    pending_.clear();
    last_commit_ = std::chrono::steady_clock::now();
  }

  Store& store_;
  const std::map<int64_t, std::string>& suite_of_;
  ScoreStoreReport& report_;
  std::mutex mutex_;
  std::vector<ScoredResponse> pending_;
  std::chrono::steady_clock::time_point last_commit_ = std::chrono::steady_clock::now();
};

// Adds a finished item's corpus scores and hands its answers to the batches; warnings
// (e.g. the sandbox is unavailable) are collected once each.
void finish_group(GroupWork& gw, ScoreBatches& batches, std::set<std::string>& warnings) {
  for (const auto& sr : gw.scored)
    if (sr.score.details.value("sandbox_unavailable", false))
      warnings.insert(sr.score.details["unscored"].get<std::string>());
  if (gw.corpus) {
    try {
      apply_corpus_scores(*gw.item, gw.scored);
    } catch (const std::exception& e) {
      for (auto& sr : gw.scored) {
        sr.score.value.reset();
        sr.score.details["unscored"] = "corpus scorer failed: " + excerpt_for_message(e.what(), 300);
      }
    }
  }
  batches.add(std::move(gw.scored));
}

// Counts each item's answers still being scored or judged; an item is finished (corpus
// scores, written) as soon as its count reaches zero. Not thread-safe: callers serialise.
class GroupFinisher {
 public:
  GroupFinisher(std::vector<GroupWork>& work, const std::vector<Pending>& pending, ScoreBatches& batches,
                std::set<std::string>& warnings)
      : work_(work), remaining_(work.size(), 0), batches_(batches), warnings_(warnings) {
    for (const auto& p : pending) ++remaining_[p.group];
    for (size_t g = 0; g < work_.size(); ++g)
      if (remaining_[g] == 0) finish_group(work_[g], batches_, warnings_);
  }
  void answer_done(size_t group) {
    if (--remaining_[group] == 0) finish_group(work_[group], batches_, warnings_);
  }

 private:
  std::vector<GroupWork>& work_;
  std::vector<size_t> remaining_;
  ScoreBatches& batches_;
  std::set<std::string>& warnings_;
};

// An answer whose score waits for the judge (pass 2).
struct JudgeWait {
  size_t group = 0, index = 0;
  Request request;
};

// Sandboxed answers to one item that run the same program: the first of each set is run, the
// others take its score. A key the scorer cannot compute leaves the answer on its own.
std::vector<std::vector<Pending>> same_execution_sets(const std::vector<GroupWork>& work,
                                                      const std::vector<Pending>& answers) {
  std::vector<std::vector<Pending>> sets;
  std::map<std::pair<size_t, std::string>, size_t> set_of;
  for (const auto& p : answers) {
    const SuiteItem& item = *work[p.group].item;
    const KindScorer* scorer = scorer_for(item);
    std::optional<std::string> key;
    try {
      if (scorer && scorer->execution_key)
        key = scorer->execution_key(item, work[p.group].scored[p.index].text);
    } catch (const std::exception&) {
    }
    if (!key) {
      sets.push_back({p});
      continue;
    }
    const auto [it, added] = set_of.try_emplace({p.group, std::move(*key)}, sets.size());
    if (added) sets.emplace_back();
    sets[it->second].push_back(p);
  }
  return sets;
}

// Pass 1: every answer scored by what needs no one. Sandboxed answers (each its own
// process) on all cores, each distinct program once; the rest in this thread meanwhile, since
// WordNet, used by other scorers, is not thread-safe. Answers that need a judge wait in `judge_waits`
// when there is one.
void score_pending(std::vector<GroupWork>& work, const std::vector<Pending>& pending,
                   const ScoreContext& context, GroupFinisher& finisher, Phase& phase,
                   std::vector<JudgeWait>& judge_waits) {
  std::mutex mutex;
  size_t done = 0;
  const auto finish_one = [&](const Pending& p) {  // under the mutex
    ScoredResponse& sr = work[p.group].scored[p.index];
    std::optional<Request> judge_request;
    if (context.judge) judge_request = judge_request_for(*work[p.group].item, sr.text, sr.score);
    phase.progress(++done, pending.size());
    if (judge_request) {
      judge_waits.push_back({p.group, p.index, std::move(*judge_request)});
    } else {
      finisher.answer_done(p.group);
    }
  };
  const auto score_set = [&](const std::vector<Pending>& set) {
    ScoredResponse& first = work[set[0].group].scored[set[0].index];
    Score score = score_guarded(*work[set[0].group].item, first.text, context);
    if (set.size() > 1) score.details["execution_shared_by"] = set.size();
    std::lock_guard lock(mutex);
    for (const auto& p : set) {
      work[p.group].scored[p.index].score = score;
      finish_one(p);
    }
  };
  std::vector<Pending> sandboxed, serial;
  for (const auto& p : pending) {
    const KindScorer* scorer = scorer_for(*work[p.group].item);
    (scorer && scorer->runs_in_sandbox ? sandboxed : serial).push_back(p);
  }
  // The pool's threads mostly wait for their sandboxes, so this thread scores the rest meanwhile.
  const auto sets = same_execution_sets(work, sandboxed);
  std::atomic<size_t> next{0};
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads && t < sets.size(); ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < sets.size(); i = next++) score_set(sets[i]);
    });
  for (const auto& p : serial) score_set({p});
  for (auto& t : pool) t.join();
}

// Pass 2: every answer that waits for the judge, judged in one batch (one runner, the judge
// endpoint's limits). Each verdict is recorded as it comes, and an item is written once its
// last answer is judged, so an interrupted judging phase keeps what it got. A judge that gives
// no verdict leaves the answer unscored with why (and waiting for a judge: the next run asks).
void judge_pending(std::vector<GroupWork>& work, std::vector<JudgeWait>& waits, const JudgeFn& judge,
                   GroupFinisher& finisher, const PhaseObserver& phases) {
  if (waits.empty()) return;
  std::sort(waits.begin(), waits.end(), [](const JudgeWait& a, const JudgeWait& b) {
    return std::tie(a.group, a.index) < std::tie(b.group, b.index);
  });
  std::vector<Request> requests;
  for (auto& w : waits) requests.push_back(std::move(w.request));
  Phase phase(phases, "judging", requests.size());
  std::vector<bool> judged(waits.size(), false);
  size_t scored = 0;
  const auto record = [&](size_t i, JudgeVerdict&& verdict) {
    if (i >= waits.size() || judged[i]) return;  // a verdict per answer, the first counts
    judged[i] = true;
    Score& score = work[waits[i].group].scored[waits[i].index].score;
    apply_judge_verdict(score, verdict);
    if (score.value) ++scored;
    finisher.answer_done(waits[i].group);
  };
  std::string missing = "the judge gave no verdict";
  try {
    judge(requests, record);
  } catch (const std::exception& e) {
    missing = "the judge could not be asked: " + excerpt_for_message(e.what(), 300);
  }
  for (size_t i = 0; i < waits.size(); ++i) record(i, {std::nullopt, "", missing, 0});
  phase.finish(scored);
}

}  // namespace

ScoreStoreReport score_store(Store& store, const ScoreOptions& options) {
  Phase scoring(options.phases, "scoring");  // reading the store included
  const StoreSnapshot snap = read_snapshot(store, options);
  std::map<ItemKey, std::vector<const Record*>> groups;
  for (const auto& r : snap.responses) groups[{r.suite, r.item_id}].push_back(&r);
  std::vector<GroupWork> work;
  std::vector<Pending> pending;
  for (const auto& [key, group] : groups) plan_group(snap, key, group, options, work, pending);
  ScoreStoreReport report;
  std::set<std::string> warnings;
  ScoreBatches batches(store, snap.suite_of, report);
  GroupFinisher finisher(work, pending, batches, warnings);
  // Two passes: everything that needs no one, then every judge call of the run at once.
  std::vector<JudgeWait> judge_waits;
  score_pending(work, pending, options.context, finisher, scoring, judge_waits);
  scoring.finish(pending.size() - judge_waits.size());
  judge_pending(work, judge_waits, options.context.judge, finisher, options.phases);
  batches.flush();
  report.warnings.assign(warnings.begin(), warnings.end());
  return report;
}

}  // namespace ds::harness
