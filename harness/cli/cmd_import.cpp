// `distillscope import`: published transcripts and other evaluation tools' logs into the
// results store, no request sent.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/runner/step_progress.hpp"
#include "results/importers/import_batch.hpp"
#include "harness/layer.hpp"
#include "harness/pipeline/score_stage.hpp"

namespace ds::harness::cli {

namespace {

void print_summary(const ImportSummary& s, const std::string& db) {
  std::cout << fmt::format("imported {} file(s): {} model(s), {} responses, {} tool scores into {}{}\n",
                           s.files, s.models, s.responses, s.tool_scores, db,
                           s.duplicates ? fmt::format(" ({} duplicate entries skipped)", s.duplicates) : "");
  for (const auto& [reason, count] : s.skipped)
    std::cout << fmt::format("not imported: {} {}\n", count, reason);
}

// Answers to our own suites' prompts are scored by our scorers, beside the tool's scores.
void score_builtin_answers(Store& store, const ImportSummary& s) {
  if (s.builtin_answers == 0) return;
  const ScoreStoreReport report = score_store(store, {});
  for (const auto& w : report.warnings) std::cerr << "warning: " << w << "\n";
  std::cout << fmt::format("{} answers are to built-in suite prompts: scored {}, {} unscored\n",
                           s.builtin_answers, report.scored, report.unscored);
}

}  // namespace

void register_import(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "import",
      "Import model answers without sending requests: published transcripts (MT-bench, "
      "Arena-Hard, AlpacaEval), our JSONL, and logs of lm-evaluation-harness, Inspect AI, "
      "promptfoo and HELM");
  struct Args {
    ImportOptions options;
    std::vector<std::string> paths;
    std::string db = kDefaultDb;
    bool no_progress = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--format", args->options.format,
                  fmt::format("{}", fmt::join(import_formats(), " | ")))
      ->required()
      ->check(CLI::IsMember(import_formats()));
  cmd->add_option("paths", args->paths,
                  "files to import; mtbench/arenahard/alpacaeval also a leaderboard folder as published "
                  "(DIR with model_answer/, or results/*/model_outputs.json; see docs/public-outputs.md); "
                  "helm: run directories holding scenario_state.json")
      ->required();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_option("--model", args->options.model_name,
                  "model name (default: mtbench/arenahard/alpacaeval the file name; lm-eval the "
                  "results file's model_name or model_args; inspect eval.model and helm "
                  "adapter_spec.model without the provider; promptfoo each provider id without "
                  "provider and API kind)");
  cmd->add_option("--questions", args->options.questions_path,
                  "question.jsonl for mtbench/arenahard (default: DIR/question.jsonl for "
                  "DIR/model_answer/FILE)");
  cmd->add_flag("--no-progress", args->no_progress, "no progress lines on stderr");
  cmd->callback([args] {
    Store store(args->db);
    StepProgress progress("import", !args->no_progress);
    args->options.progress = progress.fn();
    const auto summary = import_files(store, args->paths, args->options);
    progress.finish(fmt::format("{} answers", summary.responses));
    print_summary(summary, args->db);
    score_builtin_answers(store, summary);
  });
}

}  // namespace ds::harness::cli
