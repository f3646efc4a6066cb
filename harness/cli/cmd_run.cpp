// Placeholder registration: replaced by the module that implements `run`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_run(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "(not built yet)");
  cmd->callback([] { throw InputError("'run' is not built yet in this version"); });
}

}  // namespace ds::cli
