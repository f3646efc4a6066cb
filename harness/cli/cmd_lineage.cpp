// `distillscope lineage`: every model against every other, and each model's closest model (no direction).
#include <iostream>

#include "results/lineage_features.hpp"
#include "harness/cli/commands.hpp"
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
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->callback([args] {
    Store store(args->db);
    const auto corpus = load_corpus(store);
    lineage::Detector detector(corpus);
    const auto matrix = lineage::lineage_matrix(detector);
    if (args->as_json)
      std::cout << dump_json(lineage::lineage_to_json(matrix), 2) << "\n";
    else
      std::cout << lineage::lineage_table(matrix);
  });
}

}  // namespace ds::harness::cli
