// `distillscope import`: published transcripts into the results store, no request sent.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/runner/step_progress.hpp"
#include "results/importers/import_batch.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

void register_import(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "import", "Import published model answers (MT-bench, Arena-Hard, AlpacaEval, our JSONL)");
  struct Args {
    ImportOptions options;
    std::vector<std::string> paths;
    std::string db = kDefaultDb;
    bool no_progress = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--format", args->options.format, "mtbench | arenahard | alpacaeval | jsonl")
      ->required()
      ->check(CLI::IsMember({"mtbench", "arenahard", "alpacaeval", "jsonl"}));
  cmd->add_option("paths", args->paths, "answer files to import")->required();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_option("--model", args->options.model_name,
                  "model name (default: the file name without its extension)");
  cmd->add_option("--questions", args->options.questions_path,
                  "question.jsonl for mtbench/arenahard (default: DIR/question.jsonl for "
                  "DIR/model_answer/FILE)");
  cmd->add_flag("--no-progress", args->no_progress, "no progress lines on stderr");
  cmd->callback([args] {
    Store store(args->db);
    StepProgress progress("import", !args->no_progress);
    args->options.progress = progress.fn();
    const auto s = import_files(store, args->paths, args->options);
    progress.finish(fmt::format("{} answers", s.responses));
    std::cout << fmt::format("imported {} file(s): {} model(s), {} responses into {}{}\n", s.files,
                             s.models, s.responses, args->db,
                             s.duplicates ? fmt::format(" ({} duplicate entries skipped)", s.duplicates) : "");
  });
}

}  // namespace ds::harness::cli
