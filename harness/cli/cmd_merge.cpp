// `distillscope merge`: combine shard stores (or any stores) into one.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "results/merge.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "scorers/corpus_scores.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

void register_merge(CLI::App& app) {
  struct Options {
    std::string db = kDefaultDb;
    std::vector<std::string> inputs;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "merge", "Merge results stores (e.g. the shards of `run --shard K/N`) into --db");
  cmd->add_option("inputs", opts->inputs, "results stores to merge")->required();
  cmd->add_option("--db", opts->db, "target results store (created if missing)")
      ->capture_default_str();
  cmd->callback([opts] {
    check_merge_inputs(opts->inputs);  // before the target exists: a bad input creates nothing
    Store target(opts->db);
    const auto summary = merge_stores(target, opts->inputs, [](const StoredItem& item) {
      return has_corpus_scores(suite_item_from_stored(item));
    });
    // Scores that depend on every answer (and any answer a shard left unscored) are computed
    // over the merged answers, so the merged store scores as one run over all of them would.
    const ScoreStoreReport scored = score_store(target);
    for (const auto& w : scored.warnings) std::cerr << "warning: " << w << "\n";
    std::cout << fmt::format("merged {} stores into {}: {} responses, {} scores, {} new runs; {} answers scored "
                             "over the merged answers\n",
                             opts->inputs.size(), opts->db, summary.responses, summary.scores, summary.runs,
                             scored.scored + scored.unscored);
  });
}

}  // namespace ds::harness::cli
