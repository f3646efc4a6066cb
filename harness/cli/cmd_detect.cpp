// Placeholder registration: replaced by the module that implements `detect`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_detect(CLI::App& app) {
  auto* cmd = app.add_subcommand("detect", "(not built yet)");
  cmd->callback([] { throw InputError("'detect' is not built yet in this version"); });
}

}  // namespace ds::cli
