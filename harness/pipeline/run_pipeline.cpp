#include "harness/pipeline/run_pipeline.hpp"

#include "core/text.hpp"
#include "tasks/suite_resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <csignal>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "core/errors.hpp"
#include "core/model_spec.hpp"
#include "harness/cache/response_cache.hpp"
#include "harness/pipeline/endpoint_check.hpp"
#include "harness/pipeline/judge_batch.hpp"
#include "harness/pipeline/model_identity.hpp"
#include "harness/plan/turn_order.hpp"
#include "harness/plan/work_plan.hpp"
#include "harness/runner/runner.hpp"
#include "results/compact_logprobs.hpp"
#include "results/imported_suite.hpp"
#include "results/jsonl_export.hpp"
#include "results/store.hpp"
#include "results/store_writer.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/gates.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "harness/pipeline/summary.hpp"
#include "results/stored_item.hpp"
#include "tasks/suite.hpp"
#include "tasks/math_generator.hpp"
#include "tasks/suite_resolver.hpp"
#include "harness/endpoints/extra_headers.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted.store(true); }

// Restores the previous SIGINT/SIGTERM handlers when the run ends.
class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted = false;
    previous_int_ = std::signal(SIGINT, on_interrupt);
    previous_term_ = std::signal(SIGTERM, on_interrupt);
  }
  ~InterruptGuard() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }

 private:
  void (*previous_int_)(int) = SIG_DFL;
  void (*previous_term_)(int) = SIG_DFL;
};

// Passes an interrupt (the signal handler only sets a flag) on to a runner: a thread that
// checks the flag every 50 ms and is told when the run ends rather than noticing it late.
class InterruptWatcher {
 public:
  explicit InterruptWatcher(Runner& runner)
      : thread_([this, &runner] {
          std::unique_lock lock(mutex_);
          while (!finished_) {
            if (g_interrupted.load()) {
              runner.request_stop();
              return;
            }
            wake_.wait_for(lock, std::chrono::milliseconds(50));
          }
        }) {}
  ~InterruptWatcher() {
    {
      std::lock_guard lock(mutex_);
      finished_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  std::thread thread_;  // last: starts once the members it uses exist
};

// The request of planned unit `index` (its key), a later turn with the model's own earlier
// answers in its context.
Job job_for(size_t index, const std::vector<WorkUnit>& units, const std::vector<ModelSpec>& specs,
            const RunConfig& config, const TurnOrder& turns) {
  const auto& u = units[index];
  Job job;
  job.key = std::to_string(index);
  job.endpoint = specs[u.model_index];
  job.request.system = u.item->system.empty() ? config.system : u.item->system;
  job.request.messages = u.item->earlier_turns.empty()
                             ? u.item->messages
                             : conversation_with_answers(*u.item, turns.earlier_answers(index));
  job.request.params = config.params;
  // Sample k carries seed + k: samples differ, yet each is reproducible where the
  // endpoint honours seeds.
  if (config.params.seed) job.request.params.seed = *config.params.seed + u.sample;
  job.request.sample = u.sample;
  return job;
}

// The record of a unit whose earlier turn is missing: an error, so the run is incomplete and
// a resumed run sends it.
Record blocked_record(const std::string& run_id, size_t index, const std::vector<WorkUnit>& units,
                      const std::vector<ModelSpec>& specs, const TurnOrder& turns) {
  const auto& u = units[index];
  Record record;
  record.run_id = run_id;
  record.model = specs[u.model_index].name;
  record.suite = u.item->suite;
  record.item_id = u.item->id;
  record.sample = u.sample;
  record.error = turns.blocked_reason(index);
  return record;
}

RunnerOptions runner_options(const RunConfig& config) {
  RunnerOptions options;
  options.concurrency = config.concurrency;
  options.requests_per_minute = config.requests_per_minute;
  options.tokens_per_minute = config.tokens_per_minute;
  options.max_retries = config.max_retries;
  options.timeout_seconds = config.timeout_seconds;
  options.max_response_bytes = config.max_response_bytes;
  options.cache_path = config.no_cache ? "" : (config.cache.empty() ? default_cache_path(config.db) : config.cache);
  options.refresh = config.refresh;
  options.progress = config.progress;
  options.api_key_env = config.api_key_env;
  options.headers = resolve_extra_headers(config.headers);
  options.stream = config.stream;
  return options;
}

std::vector<std::string> run_suite_names(const std::vector<Suite>& suites) {
  std::set<std::string> names;
  for (const auto& suite : suites) {
    names.insert(suite.name);
    for (const auto& item : suite.items) names.insert(item.suite);
  }
  return {names.begin(), names.end()};
}

std::vector<WorkUnit> plan_run(const RunConfig& config, const std::vector<ModelSpec>& specs,
                               const std::vector<Suite>& suites, Store* stored) {
  return plan_work(specs, suites, config.samples, config.shard,
                   [&](const std::string& model, const std::string& suite, const std::string& item_id, int sample) {
                     return stored && !config.refresh && stored->has_answer(model, suite, item_id, sample);
                   });
}

// The pre-flight check of every endpoint that has work in this run (and the judge): a
// refused key, a wrong model or URL, or nothing listening is exit 2 before the plan is sent.
std::map<std::string, EndpointCheck> check_run_endpoints(const RunConfig& config, const std::vector<ModelSpec>& specs,
                                                         const std::vector<WorkUnit>& units) {
  std::set<size_t> busy;
  for (const auto& u : units) busy.insert(u.model_index);
  std::vector<ModelSpec> to_check;
  for (const size_t i : busy) to_check.push_back(specs[i]);
  if (!config.judge.empty() && !busy.empty()) to_check.push_back(parse_model_spec(config.judge));
  CheckOptions options{config.api_key_env, std::min(10.0, config.timeout_seconds), resolve_extra_headers(config.headers)};
  std::map<std::string, EndpointCheck> by_name;
  for (auto& check : check_endpoints(to_check, options)) by_name[check.spec.name] = std::move(check);
  return by_name;
}

std::string unknown_suite_message(const std::string& name, const std::string& db, Store* stored) {
  std::string builtin;
  for (const auto& n : builtin_suite_names()) builtin += (builtin.empty() ? "" : ", ") + n;
  std::string imported;
  std::vector<std::string> known = builtin_suite_names();
  if (stored)
    for (const auto& n : stored_suite_names(*stored)) {
      imported += (imported.empty() ? "" : ", ") + n;
      known.push_back(n);
    }
  const std::string guess = closest_name(name, known);
  return fmt::format(
      "unknown suite '{}'{}: not a built-in suite ({}), a file, nor imported prompts in {} ({}); to send a "
      "published benchmark's prompts, `distillscope import` it into that store first",
      name, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess), builtin.empty() ? "none found" : builtin,
      db, imported.empty() ? "none imported" : "imported: " + imported);
}

}  // namespace

std::vector<Suite> suites_for_run(const RunConfig& config) {
  // Names the store holds imported prompts of (and no built-in suite or file has) are read
  // from the store: `run --suite mtbench` sends the published benchmark's prompts.
  std::optional<Store> stored;
  if (!Store::is_new(config.db)) stored.emplace(config.db, /*read_only=*/true);  // see execute_run
  const auto builtin = builtin_suite_names();
  std::vector<Suite> suites;
  std::set<std::string> seen;
  for (const auto& name : split_suite_lists(config.suites)) {
    const bool elsewhere = name == "all" || name == kGeneratedMathSuite || std::filesystem::exists(name) ||
                           std::find(builtin.begin(), builtin.end(), name) != builtin.end();
    std::optional<Suite> imported = !elsewhere && stored ? stored_suite(*stored, name) : std::nullopt;
    if (!elsewhere && !imported) throw InputError(unknown_suite_message(name, config.db, stored ? &*stored : nullptr));
    for (auto& suite : imported ? std::vector<Suite>{std::move(*imported)} : resolve_suites({name}, config.generator_seed))
      if (seen.insert(suite.name).second) suites.push_back(std::move(suite));
  }
  if (suites.empty()) throw InputError("no suites selected: pass --suite NAME (or 'all')");
  if (config.limit)
    for (auto& suite : suites)
      if (suite.items.size() > static_cast<size_t>(*config.limit))
        suite.items.resize(static_cast<size_t>(*config.limit));
  return suites;
}

RunOutcome execute_run(const RunConfig& config, const std::string& args_for_record,
                       const PhaseObserver& phases) {
  // Everything that can be wrong with the arguments is found before any request.
  const std::vector<ModelSpec> specs = run_model_specs(config);
  if (!config.judge.empty()) parse_model_spec(config.judge);
  if (config.stream)
    for (const auto& spec : specs)
      if (const std::string why = provider_api(spec.provider).stream_unsupported(); !why.empty())
        throw InputError(fmt::format("model '{}': {}", spec.text, why));
  const std::vector<Suite> suites = suites_for_run(config);
  check_gates(config.fail_on, run_suite_names(suites), !config.reference.empty());

  // A spec that disagrees with the stored model, or an endpoint that refuses, stops the run
  // before the store is opened for writing: a refused run leaves it byte for byte as it was.
  std::vector<WorkUnit> units;
  std::optional<TurnOrder> turns;
  // A store another run is creating this moment counts as new until its schema is committed.
  if (!Store::is_new(config.db)) {
    Store stored(config.db, /*read_only=*/true);
    check_model_identities(stored, specs);
    units = plan_run(config, specs, suites, &stored);
    turns.emplace(units, [&](size_t model, const std::string& suite, const std::string& item_id, int sample) {
      return config.refresh ? std::nullopt : stored.answer_text(specs[model].name, suite, item_id, sample);
    });
  } else {
    units = plan_run(config, specs, suites, nullptr);
    turns.emplace(units, [](size_t, const std::string&, const std::string&, int) { return std::nullopt; });
  }
  const auto checks = check_run_endpoints(config, specs, units);

  Store store(config.db);
  json hashes = json::object();
  for (const auto& s : suites) hashes[s.name] = {{"version", s.version}, {"sha256", s.sha256}, {"items", s.items.size()}};
  json args = json::parse(args_for_record, nullptr, false);
  RunOutcome outcome;
  for (const auto& [name, check] : checks)
    outcome.warnings.insert(outcome.warnings.end(), check.warnings.begin(), check.warnings.end());
  outcome.run_id = store.begin_run(args, hashes);
  for (const auto& spec : specs) outcome.models.push_back(spec.name);
  outcome.planned = units.size();

  std::vector<Job> jobs;
  for (const size_t index : turns->ready_at_start()) {
    jobs.push_back(job_for(index, units, specs, config, *turns));
    if (!units[index].item->earlier_turns.empty()) ++outcome.later_turns;  // resumed: earlier answers stored
  }
  const RunnerOptions options = runner_options(config);
  Phase requests(phases, "requests", units.size());
  Runner runner(options);
  if (!config.jsonl.empty()) check_jsonl_writable(config.jsonl);
  // The suites' items and the models are stored by the writer's thread before the first
  // answer, while the first requests are on their way (thousands of items took longer than
  // the first round of requests).
  StoreWriter writer(config.db, "", [&](Store& s) {
    for (const auto& suite : suites)
      if (!suite.stored)
        for (const auto& item : suite.items) s.upsert_item(stored_item(suite, item));
    for (const auto& spec : specs) {
      const auto check = checks.find(spec.name);
      s.insert_model_if_new(model_info(spec, check != checks.end() && check->second.simulated));
    }
  });
  InterruptGuard guard;
  std::optional<InterruptWatcher> watcher(std::in_place, runner);
  std::map<std::string, size_t> answered_by_model;
  const auto submit_blocked = [&](const std::vector<size_t>& blocked) {
    for (const size_t index : blocked) {
      ++outcome.failed;
      writer.submit(blocked_record(outcome.run_id, index, units, specs, *turns));
    }
  };
  submit_blocked(turns->blocked_at_start());
  const RunnerStats stats = runner.run_with_follow_ups(std::move(jobs), [&](JobResult&& result) -> std::vector<Job> {
    const size_t index = std::stoul(result.key);
    const auto& u = units[index];
    const auto released = turns->finished(index, result.response.ok() ? std::optional(result.response.text) : std::nullopt);
    Record record;
    record.run_id = outcome.run_id;
    record.model = specs[u.model_index].name;
    record.suite = u.item->suite;
    record.item_id = u.item->id;
    record.sample = u.sample;
    record.request_hash = result.request_hash;
    record.text = result.response.text;
    record.finish_reason = result.response.finish_reason;
    record.usage = {{"prompt_tokens", result.response.usage.prompt_tokens},
                    {"completion_tokens", result.response.usage.completion_tokens}};
    record.latency_ms = result.response.latency_ms;
    record.ttft_ms = result.response.ttft_ms;
    if (result.response.logprobs) record.logprobs = compact_logprobs(*result.response.logprobs);
    record.error = result.response.error;
    if (record.error.empty()) {
      ++outcome.answered;
      ++answered_by_model[record.model];
    } else {
      ++outcome.failed;
    }
    if (result.from_cache) ++outcome.from_cache;
    writer.submit(std::move(record));
    submit_blocked(released.blocked);
    std::vector<Job> next;
    for (const size_t later : released.ready) next.push_back(job_for(later, units, specs, config, *turns));
    outcome.later_turns += next.size();
    return next;
  });
  watcher.reset();
  writer.close();
  requests.finish(outcome.answered);
  // Provenance (the spec as written, whether simulated) is refreshed only by a run that got
  // answers from the endpoint.
  for (const auto& spec : specs) {
    const auto check = checks.find(spec.name);
    if (answered_by_model.count(spec.name) && check != checks.end())
      store.upsert_model(model_info(spec, check->second.simulated));
  }
  outcome.interrupted = g_interrupted.load();
  outcome.not_sent = stats.not_sent;
  outcome.failure_report = format_failure_report(stats);
  for (const auto& e : stats.endpoints)
    if (!e.stopped.empty()) outcome.stopped.push_back(fmt::format("{} at {}: {}", e.spec.name, e.spec.base_url, e.stopped));
  const size_t unfinished = outcome.planned - outcome.answered - outcome.failed;
  const std::string status = outcome.interrupted ? "interrupted"
                             : (outcome.failed > 0 || unfinished > 0) ? "incomplete" : "complete";
  store.finish_run(outcome.run_id, status);
  outcome.retries = stats.retries;
  outcome.wall_seconds = stats.wall_seconds;
  outcome.scoring = score_run(config, store, options, phases);
  // Written after scoring, so every record carries its score.
  if (!config.jsonl.empty()) append_run_jsonl(store, outcome.run_id, config.jsonl);
  return outcome;
}

ScoreOutcome score_run(const RunConfig& config, Store& store, const RunnerOptions& request_options,
                       const PhaseObserver& phases) {
  ScoreOptions score_options;
  score_options.phases = phases;
  // All judge calls of the run in one batch, with the run's limits, retries and cache; an
  // interrupt (during `run`) stops it like the requests, leaving the rest for the next run.
  std::optional<Runner> judge_runner;
  std::optional<InterruptWatcher> watcher;
  if (!config.judge.empty()) {
    const ModelSpec judge_spec = parse_model_spec(config.judge);
    judge_runner.emplace(request_options);
    watcher.emplace(*judge_runner);
    score_options.context.judge = [judge_spec, &judge_runner](const std::vector<Request>& requests,
                                                              const JudgeVerdictFn& on_verdict) {
      run_judge_batch(*judge_runner, judge_spec, requests, on_verdict);
    };
  }
  ScoreOutcome out;
  out.report = score_store(store, score_options);
  {
    Phase summary(phases, "summary");
    out.summary = summarise_store(store);
  }
  if (!config.reference.empty()) {
    Phase detection(phases, "detection");
    out.detection = detect_against(store, reference_model_name(config.reference));
  }
  std::vector<Gate> gates;
  for (const auto& text : config.fail_on) gates.push_back(parse_gate(text));
  out.gate_failures =
      evaluate_gates(gates, out.summary, out.detection ? &*out.detection : nullptr, config.allow_insufficient);
  return out;
}

}  // namespace ds::harness
