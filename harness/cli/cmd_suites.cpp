// Placeholder registration: replaced by the module that implements `suites`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_suites(CLI::App& app) {
  auto* cmd = app.add_subcommand("suites", "(not built yet)");
  cmd->callback([] { throw InputError("'suites' is not built yet in this version"); });
}

}  // namespace ds::cli
