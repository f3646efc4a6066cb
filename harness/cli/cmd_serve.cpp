// Placeholder registration: replaced by the module that implements `serve`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_serve(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "(not built yet)");
  cmd->callback([] { throw InputError("'serve' is not built yet in this version"); });
}

}  // namespace ds::cli
