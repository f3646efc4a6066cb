#pragma once
// `distillscope run` end to end: suites → work plan → runner → store → scorers → summary.
#include <optional>
#include <string>
#include <vector>

#include "harness/config/run_config.hpp"
#include "harness/pipeline/phases.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "harness/pipeline/summary.hpp"
#include "harness/runner/runner.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/store.hpp"
#include "tasks/suite.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// What scoring a store gives: the score stage's counts, the summary, the detection against
// the reference (when one is set) and the --fail-on gates that failed.
struct ScoreOutcome {
  ScoreStoreReport report;
  Summary summary;
  std::optional<lineage::DetectResult> detection;
  std::vector<std::string> gate_failures;
};

struct RunOutcome {
  std::string run_id;
  std::vector<std::string> models;  // the store names of this run's models
  size_t planned = 0;      // work units after shard and resume filtering
  size_t answered = 0;
  size_t failed = 0;       // still failing after retries
  size_t from_cache = 0;
  size_t later_turns = 0;  // requests of turn 2 or later, sent with the model's own earlier answers
  size_t not_sent = 0;     // dropped because their endpoint kept refusing (401/403/404)
  std::vector<std::string> stopped;   // "NAME at URL: why", one per stopped endpoint
  std::string failure_report;         // per endpoint, failures by cause (format_failure_report)
  std::vector<std::string> warnings;  // inconclusive pre-flight checks
  bool interrupted = false;
  int retries = 0;
  double wall_seconds = 0;
  ScoreOutcome scoring;
};

// Throws InputError for bad specs, suites or gates, a spec that disagrees with the stored
// model, or an endpoint refused by the pre-flight check (all before any request of the plan
// and before the store is written); returns the outcome (the caller prints it and maps a
// failed, stopped or interrupted run to exit code 3). Only the runner's progress line is
// printed here. `phases` (optional) hears each phase start, progress and end: requests,
// scoring, judging, corpus scores, summary, detection.
RunOutcome execute_run(const RunConfig& config, const std::string& args_for_record,
                       const PhaseObserver& phases = {});

// Suites named in the config ("all" = every built-in, "math-generated" with the seed),
// each cut to `limit` items.
std::vector<Suite> suites_for_run(const RunConfig& config);

// Scores what the run stored (judge calls, with --judge, all through one runner),
// summarises it and, with a reference, runs the detection; evaluates the --fail-on gates.
ScoreOutcome score_run(const RunConfig& config, Store& store, const RunnerOptions& request_options,
                       const PhaseObserver& phases = {});

}  // namespace ds::harness
