// `distillscope merge`: combine shard stores (or any stores) into one.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "results/merge.hpp"
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
    Store target(opts->db);
    const auto summary = merge_stores(target, opts->inputs);
    std::cout << fmt::format("merged {} stores into {}: {} responses, {} scores, {} new runs\n",
                             opts->inputs.size(), opts->db, summary.responses, summary.scores,
                             summary.runs);
  });
}

}  // namespace ds::harness::cli
