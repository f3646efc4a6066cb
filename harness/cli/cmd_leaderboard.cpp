// `distillscope leaderboard`: models of one or more stores ranked side by side, each with
// its suite scores (95% intervals), gap index and most likely parent.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/leaderboard.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness::cli {

void register_leaderboard(CLI::App& app) {
  struct Options {
    std::vector<std::string> dbs;
    bool as_json = false;
    std::string sort_by;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "leaderboard", "Rank the models of one or more results stores side by side");
  cmd->add_option("--db", o->dbs, "results stores (repeatable; default results.db)");
  cmd->add_option("--sort", o->sort_by, "suite to rank by (default: mean of the scored suites)");
  cmd->add_flag("--json", o->as_json, "print JSON");
  cmd->callback([o] {
    if (o->dbs.empty()) o->dbs.push_back(kDefaultDb);
    for (const auto& db : o->dbs)
      if (!std::filesystem::exists(db))
        throw InputError(fmt::format("{}: no results store here; pass --db PATH", db));
    const Leaderboard board = build_leaderboard(o->dbs, o->sort_by);
    std::cout << (o->as_json ? dump_json(leaderboard_to_json(board), 2) + "\n" : leaderboard_table(board));
  });
}

}  // namespace ds::harness::cli
