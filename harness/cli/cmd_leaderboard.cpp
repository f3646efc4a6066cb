// `distillscope leaderboard`: models of one or more stores side by side on the suites they
// share, each with its suite scores (95% intervals), gap index and closest model.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/cli/reading_store.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/leaderboard.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"
#include "results/reports/format_leaderboard.hpp"

namespace ds::harness::cli {

void register_leaderboard(CLI::App& app) {
  struct Options {
    std::vector<std::string> dbs;
    std::string format = "md";
    bool as_json = false;
    std::string sort_by;
    std::string output;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "leaderboard", "Rank the models of one or more results stores side by side on the suites they share");
  cmd->add_option("--db", o->dbs, "results stores (repeatable; default results.db)");
  cmd->add_option("--sort", o->sort_by, "suite to rank by (default: mean of the compared suites)");
  cmd->add_option("--format,-f", o->format, "md (aligned columns), html, csv or json")
      ->check(CLI::IsMember({"md", "html", "csv", "json"}))
      ->capture_default_str();
  cmd->add_flag("--json", o->as_json, "same as --format json");
  cmd->add_option("-o,--output", o->output, "write to this file instead of standard output");
  cmd->callback([o] {
    if (o->dbs.empty()) o->dbs.push_back(kDefaultDb);
    for (const auto& db : o->dbs) {
      if (!std::filesystem::exists(db))
        throw InputError(fmt::format("{}: no results store here; pass --db PATH", db));
      Store store(db, /*read_only=*/true);
      require_answers(store, db);
    }
    if (o->as_json) o->format = "json";
    const Leaderboard board = build_leaderboard(o->dbs, o->sort_by);
    const std::string text = o->format == "json"   ? dump_json(leaderboard_json(board), 2) + "\n"
                             : o->format == "html" ? leaderboard_html(board)
                             : o->format == "csv"  ? leaderboard_csv(board)
                                                   : leaderboard_markdown(board);
    if (o->output.empty()) {
      std::cout << text;
      return;
    }
    std::ofstream out(o->output, std::ios::binary);
    if (!out || !(out << text)) throw InputError(fmt::format("{}: cannot write the leaderboard there", o->output));
    std::cerr << fmt::format("wrote {} leaderboard to {}\n", o->format, o->output);
  });
}

}  // namespace ds::harness::cli
