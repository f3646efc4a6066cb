// The first argument names a command; a typo there is named back with the list to choose from.
#include <fmt/format.h>

#include "harness/cli/commands.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

std::string unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return "";
  const std::string given = argv[1];
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == given) return "";
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return fmt::format("unknown command '{}'; the commands are: {} (see distillscope --help)", given, names);
}

}  // namespace ds::harness::cli
