// Placeholder registration: replaced by the module that implements `leaderboard`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_leaderboard(CLI::App& app) {
  auto* cmd = app.add_subcommand("leaderboard", "(not built yet)");
  cmd->callback([] { throw InputError("'leaderboard' is not built yet in this version"); });
}

}  // namespace ds::cli
