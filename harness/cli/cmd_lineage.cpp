// Placeholder registration: replaced by the module that implements `lineage`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_lineage(CLI::App& app) {
  auto* cmd = app.add_subcommand("lineage", "(not built yet)");
  cmd->callback([] { throw InputError("'lineage' is not built yet in this version"); });
}

}  // namespace ds::cli
