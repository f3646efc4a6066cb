#include "harness/cli/run_output.hpp"

#include <fmt/format.h>

#include <iostream>

#include "harness/cli/summary_table.hpp"
#include "results/reports/detect_output.hpp"

namespace ds::harness::cli {

void print_run_outcome(const RunOutcome& outcome) {
  for (const auto& w : outcome.warnings) std::cerr << "warning: " << w << "\n";
  std::cerr << outcome.failure_report;
  std::cerr << fmt::format(
      "run {}: {} requests planned, {} answered ({} from cache), {} failed after retries{}{}; "
      "{} retries, {:.1f} s\n",
      outcome.run_id, outcome.planned, outcome.answered, outcome.from_cache, outcome.failed,
      outcome.not_sent ? fmt::format(", {} not sent (endpoint stopped)", outcome.not_sent) : "",
      outcome.interrupted ? ", interrupted" : "", outcome.retries, outcome.wall_seconds);
  if (outcome.later_turns > 0)
    std::cerr << fmt::format("{} of the requests were later turns, each sent with the model's own earlier answers\n",
                             outcome.later_turns);
  const ScoreOutcome& scoring = outcome.scoring;
  for (const auto& w : scoring.report.warnings) std::cerr << "warning: " << w << "\n";
  std::cerr << fmt::format("scored {} responses; {} unscored\n", scoring.report.scored, scoring.report.unscored);
  const std::string why = unscored_breakdown(scoring.summary);
  if (!why.empty()) std::cerr << "unscored answers in the store, by reason: " << why << "\n";
  std::cout << summary_table(scoring.summary, outcome.models);
  if (scoring.detection) std::cout << "\n" << detect_result_table(*scoring.detection);
}

}  // namespace ds::harness::cli
