// `distillscope validate`: detector quality on models whose lineage is known.
#include <algorithm>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "results/lineage_features.hpp"
#include "scorers/lineage/validation.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

void register_validate(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "validate",
      "Measure the detector on labelled lineage: AUROC, TPR at 5% FPR, and the distilled verdict's FPR and TPR "
      "(exact intervals) for the default panel and a curated one, and how often relatives of the reference "
      "(versions, fine-tunes, siblings, the same model) are called distilled");
  struct Args {
    std::string labels;
    std::string db = kDefaultDb;
    bool as_json = false;
    int resamples = 2000;
    uint64_t seed = 1;
    std::vector<std::string> components;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--labels", args->labels, "lineage labels (like data/mtbench/lineage.json)")->required();
  cmd->add_option("--db", args->db, "results store")->capture_default_str();
  cmd->add_option("--bootstrap", args->resamples, "bootstrap resamples")->capture_default_str();
  cmd->add_option("--seed", args->seed, "bootstrap seed")->capture_default_str();
  cmd->add_option("--components", args->components, "evidence to use (default: the default components)");
  cmd->add_flag("--json", args->as_json, "print JSON");
  cmd->callback([args] {
    const json labels = read_json_file(args->labels);
    Store store(args->db, /*read_only=*/true);
    const bool texts = std::find(args->components.begin(), args->components.end(), "exact-ngrams") != args->components.end();
    const auto corpus = load_corpus(store, {.first_texts = texts});
    const lineage::Detector detector(corpus);
    lineage::DetectOptions base;
    base.components = args->components;
    const auto rows = lineage::validate_lineage(detector, labels, base, args->resamples, args->seed);
    if (args->as_json)
      std::cout << dump_json(lineage::validation_to_json(rows), 2) << "\n";
    else
      std::cout << lineage::validation_table(rows);
  });
}

}  // namespace ds::harness::cli
