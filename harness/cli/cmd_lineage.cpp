// `distillscope lineage`: every model against every other, and each model's closest model (no direction).
#include <fmt/format.h>

#include <iostream>

#include "results/lineage_features.hpp"
#include "harness/cli/commands.hpp"
#include "harness/cli/reading_store.hpp"
#include "harness/runner/step_progress.hpp"
#include "scorers/lineage/lineage_matrix.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

void register_lineage(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "lineage", "All-pairs similarity and each model's closest model with its p-value (no direction)");
  struct Args {
    std::string db = kDefaultDb;
    bool as_json = false;
    bool no_progress = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->add_flag("--no-progress", args->no_progress, "no progress lines on stderr");
  cmd->callback([args] {
    Store store(args->db, /*read_only=*/true);
    require_answers(store, args->db);
    StepProgress progress("lineage", !args->no_progress);
    const auto corpus = load_corpus(store, {.progress = progress.fn()});
    lineage::Detector detector(corpus);
    const auto matrix = lineage::lineage_matrix(detector, 2, progress.fn());
    progress.finish(fmt::format("{} models", matrix.models.size()));
    if (args->as_json)
      std::cout << dump_json(lineage::lineage_to_json(matrix), 2) << "\n";
    else
      std::cout << lineage::lineage_table(matrix);
  });
}

}  // namespace ds::harness::cli
