#pragma once
// What `run` and `demo` print once a run is over: the run line, scoring counts and warnings
// (standard error), the summary table and the detection table (standard output).
#include "harness/config/run_config.hpp"
#include "harness/pipeline/run_pipeline.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

void print_run_outcome(const RunOutcome& outcome);

}  // namespace ds::harness::cli
