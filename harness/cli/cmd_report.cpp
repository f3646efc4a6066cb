// Placeholder registration: replaced by the module that implements `report`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_report(CLI::App& app) {
  auto* cmd = app.add_subcommand("report", "(not built yet)");
  cmd->callback([] { throw InputError("'report' is not built yet in this version"); });
}

}  // namespace ds::cli
