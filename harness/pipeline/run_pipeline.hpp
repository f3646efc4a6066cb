#pragma once
// `distillscope run` end to end: suites → work plan → runner → store → scorers → summary.
#include <string>

#include "harness/config/run_config.hpp"
#include "harness/runner/runner.hpp"
#include "results/store.hpp"
#include "tasks/suite.hpp"

namespace ds {

struct RunOutcome {
  std::string run_id;
  size_t planned = 0;      // work units after shard and resume filtering
  size_t answered = 0;
  size_t failed = 0;       // still failing after retries
  size_t from_cache = 0;
  bool interrupted = false;
};

// Throws InputError for bad specs/suites; returns the outcome (the caller maps a failed or
// interrupted run to exit code 3). Prints progress and the summary to stderr/stdout.
RunOutcome execute_run(const RunConfig& config, const std::string& args_for_record);

// Suites named in the config ("all" = every built-in, "math-generated" with the seed),
// each cut to `limit` items.
std::vector<Suite> suites_for_run(const RunConfig& config);

// Scores what the run stored; judge calls (--judge) go through their own runner.
void score_run(const RunConfig& config, Store& store, const RunnerOptions& runner_options);

}  // namespace ds
