#include "harness/pipeline/run_pipeline.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <csignal>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "core/errors.hpp"
#include "core/model_spec.hpp"
#include "harness/cache/response_cache.hpp"
#include "harness/pipeline/endpoint_probe.hpp"
#include "harness/pipeline/judge_batch.hpp"
#include "harness/plan/work_plan.hpp"
#include "harness/runner/runner.hpp"
#include "results/jsonl_export.hpp"
#include "results/store.hpp"
#include "results/store_writer.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/gates.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "harness/pipeline/summary.hpp"
#include "tasks/suite.hpp"
#include "tasks/suite_resolver.hpp"
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

StoredItem to_stored(const Suite& suite, const SuiteItem& item) {
  StoredItem stored;
  stored.suite = item.suite;
  stored.item_id = item.id;
  stored.suite_version = suite.version;
  stored.system = item.system;
  stored.messages = json::array();
  for (const auto& m : item.messages) stored.messages.push_back({{"role", m.role}, {"content", m.content}});
  stored.data = item.data;
  return stored;
}

// One request per planned unit, keyed by its index in `units`.
std::vector<Job> jobs_for(const std::vector<WorkUnit>& units, const std::vector<ModelSpec>& specs,
                          const RunConfig& config) {
  std::vector<Job> jobs;
  jobs.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    const auto& u = units[i];
    Job job;
    job.key = std::to_string(i);
    job.endpoint = specs[u.model_index];
    job.request.system = u.item->system.empty() ? config.system : u.item->system;
    job.request.messages = u.item->messages;
    job.request.params = config.params;
    // Sample k carries seed + k: samples differ, yet each is reproducible where the
    // endpoint honours seeds.
    if (config.params.seed) job.request.params.seed = *config.params.seed + u.sample;
    job.request.sample = u.sample;
    jobs.push_back(std::move(job));
  }
  return jobs;
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
  return options;
}

}  // namespace

std::vector<Suite> suites_for_run(const RunConfig& config) {
  std::vector<Suite> suites = resolve_suites(config.suites, config.generator_seed);
  if (config.limit)
    for (auto& suite : suites)
      if (suite.items.size() > static_cast<size_t>(*config.limit))
        suite.items.resize(static_cast<size_t>(*config.limit));
  return suites;
}

RunOutcome execute_run(const RunConfig& config, const std::string& args_for_record,
                       const PhaseObserver& phases) {
  if (config.models.empty())
    throw InputError("no model: give --model PROVIDER:MODEL[@BASE_URL] (or 'models' in --config)");
  std::vector<ModelSpec> specs;
  for (const auto& text : config.models) specs.push_back(parse_model_spec(text));
  // A reference given as a spec is queried like the other models.
  if (config.reference.find(':') != std::string::npos) {
    const ModelSpec reference = parse_model_spec(config.reference);
    bool present = false;
    for (const auto& s : specs) present |= s.model == reference.model;
    if (!present) specs.push_back(reference);
  }
  const std::vector<Suite> suites = suites_for_run(config);

  Store store(config.db);
  json hashes = json::object();
  for (const auto& s : suites) hashes[s.name] = {{"version", s.version}, {"sha256", s.sha256}, {"items", s.items.size()}};
  json args = json::parse(args_for_record, nullptr, false);
  RunOutcome outcome;
  outcome.run_id = store.begin_run(args, hashes);
  store.db().transaction([&] {
    for (const auto& suite : suites)
      for (const auto& item : suite.items) store.upsert_item(to_stored(suite, item));
    for (const auto& spec : specs)
      store.upsert_model({spec.model, provider_name(spec.provider), spec.base_url, spec.text,
                          endpoint_says_simulated(spec)});
  });

  const auto units = plan_work(
      specs, suites, config.samples, config.shard,
      [&](const std::string& model, const std::string& suite, const std::string& item_id, int sample) {
        return !config.refresh && store.has_answer(model, suite, item_id, sample);
      });
  outcome.planned = units.size();

  std::vector<Job> jobs = jobs_for(units, specs, config);
  const RunnerOptions options = runner_options(config);
  Phase requests(phases, "requests", units.size());
  Runner runner(options);
  if (!config.jsonl.empty()) check_jsonl_writable(config.jsonl);
  StoreWriter writer(config.db, "");
  InterruptGuard guard;
  std::optional<InterruptWatcher> watcher(std::in_place, runner);
  const RunnerStats stats = runner.run(std::move(jobs), [&](JobResult&& result) {
    const auto& u = units[std::stoul(result.key)];
    Record record;
    record.run_id = outcome.run_id;
    record.model = specs[u.model_index].model;
    record.suite = u.item->suite;
    record.item_id = u.item->id;
    record.sample = u.sample;
    record.request_hash = result.request_hash;
    record.text = result.response.text;
    record.finish_reason = result.response.finish_reason;
    record.usage = {{"prompt_tokens", result.response.usage.prompt_tokens},
                    {"completion_tokens", result.response.usage.completion_tokens}};
    record.latency_ms = result.response.latency_ms;
    record.error = result.response.error;
    if (record.error.empty()) ++outcome.answered; else ++outcome.failed;
    if (result.from_cache) ++outcome.from_cache;
    writer.submit(std::move(record));
  });
  watcher.reset();
  writer.close();
  requests.finish(outcome.answered);
  outcome.interrupted = g_interrupted.load();
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
