// `distillscope detect`: was each candidate distilled from the reference?
#include <iostream>

#include "results/lineage_features.hpp"
#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "results/reports/detect_output.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

void register_detect(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "detect", "Test whether candidate models were distilled from a reference model");
  struct Args {
    lineage::DetectOptions options;
    std::string db = kDefaultDb;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--reference", args->options.reference, "the possible teacher")->required();
  cmd->add_option("--candidate", args->options.candidates,
                  "models to test (default: every other model in the store)");
  cmd->add_option("--panel", args->options.panel,
                  "models that define 'unrelated' (default: every other model in the store)");
  cmd->add_option("--components", args->options.components,
                  "evidence to use: pair, profile, identity, errors, choices, mmd (default: all)");
  cmd->add_option("--permutations", args->options.permutations,
                  "also run a per-prompt permutation test of the pair component with N draws");
  cmd->add_option("--seed", args->options.seed, "random seed for permutations");
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->callback([args] {
    Store store(args->db);
    const auto corpus = load_corpus(store);
    const lineage::Detector detector(corpus);
    const auto result = detector.detect(args->options, store_text_lookup(store));
    if (args->as_json)
      std::cout << dump_json(detect_result_to_json(result), 2) << "\n";
    else
      std::cout << detect_result_table(result);
  });
}

}  // namespace ds::harness::cli
