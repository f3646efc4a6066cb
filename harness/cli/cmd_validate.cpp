// Placeholder registration: replaced by the module that implements `validate`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_validate(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "(not built yet)");
  cmd->callback([] { throw InputError("'validate' is not built yet in this version"); });
}

}  // namespace ds::cli
