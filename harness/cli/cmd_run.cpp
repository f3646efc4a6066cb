// `distillscope run`: send suites to model endpoints, store and score the answers.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/cli/run_flags.hpp"
#include "harness/config/run_config.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/detection.hpp"
#include "harness/pipeline/gates.hpp"
#include "harness/pipeline/run_pipeline.hpp"
#include "harness/cli/phase_printer.hpp"
#include "harness/cli/run_output.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

namespace {

std::string run_help_footer() {
  return run_fields_help() +
         "\nAPI keys come only from environment variables: OPENAI_API_KEY, ANTHROPIC_API_KEY, or "
         "the one named by api_key_env.\nExit codes: 0 ok, 1 a --fail-on gate failed, 2 bad "
         "input, 3 the run is incomplete.\n";
}

}  // namespace

void register_run(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "Send task suites to model endpoints and store the scored answers");
  cmd->footer(run_help_footer());
  auto config_file = std::make_shared<std::string>();
  auto* o_config = cmd->add_option("--config", *config_file, "YAML or JSON config file");
  auto flags = std::make_shared<RunFlags>(*cmd);

  cmd->callback([=] {
    RunConfig c;
    if (o_config->count()) load_run_config_file(*config_file, c);
    apply_environment(c);
    flags->apply(c);

    for (const auto& gate : c.fail_on) parse_gate(gate);  // reject a malformed gate before any request
    json record = {{"command", "run"}, {"config_file", *config_file}, {"models", c.models},
                   {"suites", c.suites}, {"samples", c.samples}, {"shard", fmt::format("{}/{}", c.shard.index, c.shard.count)}};
    // `report` finds the reference here when it is given none (recorded_reference).
    if (!c.reference.empty()) record["reference"] = reference_model_name(c.reference);
    // Progress of every phase (scoring, judging, detection) where the runner shows its own.
    PhasePrinter printer;
    const RunOutcome outcome = execute_run(c, dump_json(record), c.progress ? printer.observer() : PhaseObserver{});
    print_run_outcome(outcome);
    if (outcome.interrupted)
      throw IncompleteRun(fmt::format("interrupted; run the same command again to resume ({} answers stored)", outcome.answered));
    if (!outcome.stopped.empty()) {
      std::string lines;
      for (const auto& s : outcome.stopped) lines += "\n  " + s;
      throw IncompleteRun(fmt::format("{} requests not sent: the endpoint kept refusing them{}\nFix the key, "
                                      "model name or URL and run the same command again to send them",
                                      outcome.not_sent, lines));
    }
    if (outcome.failed > 0)
      throw IncompleteRun(fmt::format("{} requests still failing after retries (causes above); run the same command again to retry them", outcome.failed));
    const auto& gate_failures = outcome.scoring.gate_failures;
    if (!gate_failures.empty()) {
      std::string lines;
      for (const auto& f : gate_failures) lines += "\n  " + f;
      throw GateFailed(fmt::format("{} gate(s) failed:{}", gate_failures.size(), lines));
    }
  });
}

}  // namespace ds::harness::cli
