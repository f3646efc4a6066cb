// Placeholder registration: replaced by the module that implements `demo`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_demo(CLI::App& app) {
  auto* cmd = app.add_subcommand("demo", "(not built yet)");
  cmd->callback([] { throw InputError("'demo' is not built yet in this version"); });
}

}  // namespace ds::cli
