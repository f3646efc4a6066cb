#pragma once
// Each subcommand lives in its own cmd_*.cpp and registers itself on the top-level app.
// A command's callback throws InputError (exit 2), GateFailed (exit 1) or IncompleteRun (exit 3).
#include <CLI/CLI.hpp>
#include "harness/layer.hpp"

namespace ds::harness::cli {

void register_run(CLI::App& app);
void register_serve(CLI::App& app);
void register_import(CLI::App& app);
void register_merge(CLI::App& app);
void register_suites(CLI::App& app);
void register_detect(CLI::App& app);
void register_probe(CLI::App& app);
void register_lineage(CLI::App& app);
void register_validate(CLI::App& app);
void register_report(CLI::App& app);
void register_leaderboard(CLI::App& app);
void register_demo(CLI::App& app);
void register_prune(CLI::App& app);

// "unknown command 'X'; the commands are: ..." when the first argument is neither an option
// nor a command; "" otherwise.
std::string unknown_command(CLI::App& app, int argc, char** argv);

// The default results store, in the working directory.
inline constexpr const char* kDefaultDb = "results.db";

}  // namespace ds::harness::cli
