#pragma once
// The command-line half of the run options table (harness/config/run_options.hpp): one flag
// per option, its text checked by the same code as the config-file field.
#include <CLI/CLI.hpp>

#include <deque>
#include <string>
#include <vector>

#include "harness/layer.hpp"
#include "harness/config/run_config.hpp"
#include "harness/config/run_options.hpp"

namespace ds::harness::cli {

class RunFlags {
 public:
  // Registers every option's flag on `cmd`, with its type and default in --help.
  explicit RunFlags(CLI::App& cmd);

  // Applies the flags given on the command line (and only those) on top of `config`.
  void apply(RunConfig& config) const;

 private:
  struct Flag {
    const RunOption* option = nullptr;
    CLI::Option* cli = nullptr;
    std::string name;  // the long flag, for error messages
    std::string text;  // single values as typed
    std::vector<std::string> texts;  // lists
  };
  std::deque<Flag> flags_;  // CLI11 keeps pointers to the strings: addresses must not move
};

// The config-file fields with type, default and meaning, for the end of `run --help`.
std::string run_fields_help();

}  // namespace ds::harness::cli
