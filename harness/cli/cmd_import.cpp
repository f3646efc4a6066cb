// Placeholder registration: replaced by the module that implements `import`.
#include "harness/core/errors.hpp"
#include "harness/cli/commands.hpp"

namespace ds::cli {

void register_import(CLI::App& app) {
  auto* cmd = app.add_subcommand("import", "(not built yet)");
  cmd->callback([] { throw InputError("'import' is not built yet in this version"); });
}

}  // namespace ds::cli
