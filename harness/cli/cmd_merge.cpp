// Placeholder registration: replaced by the module that implements `merge`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_merge(CLI::App& app) {
  auto* cmd = app.add_subcommand("merge", "(not built yet)");
  cmd->callback([] { throw InputError("'merge' is not built yet in this version"); });
}

}  // namespace ds::cli
