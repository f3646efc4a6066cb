#pragma once
// `distillscope run` end to end: suites → work plan → runner → store → scorers → summary.
#include <string>

#include "harness/config/run_config.hpp"

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

// Suites named in the config ("all" = every built-in), each cut to `limit` items.
std::vector<struct Suite> resolve_suites(const RunConfig& config);

}  // namespace ds
