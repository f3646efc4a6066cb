#pragma once
// The one table of `run` options. Each entry is both a config-file field and a command-line
// flag: both are read through the same checks (type and range) into the same RunConfig member,
// and the only default is RunConfig's member initialiser. `run --help` is generated from it.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/layer.hpp"
#include "harness/config/run_config.hpp"
#include "core/json.hpp"

namespace ds::harness {

enum class OptionType { text, text_list, integer, number, boolean };

struct RunOption {
  std::string field;   // config-file field, e.g. "max_tokens"
  std::string flags;   // CLI11 names, e.g. "--max-tokens" or "--samples,-n"
  std::string help;
  OptionType type = OptionType::text;
  int64_t int_min = 0, int_max = 0;  // integer: accepted range, inclusive
  double min = 0, max = 0;           // number: accepted range, inclusive
  bool flag_turns_off = false;       // boolean whose flag means false (--no-progress = progress: false)
  std::string metavar;               // the value's name in --help when not the type's
  std::string unset_means;           // what an empty/unset default means, for --help
  // Extra check on a value of the right type (e.g. shard "K/N"); returns why it is bad or "".
  std::function<std::string(const json&)> validate;
  std::function<void(RunConfig&, const json&)> set;  // the value has passed every check
  std::function<json(const RunConfig&)> get;          // null when unset
};

const std::vector<RunOption>& run_options();

// The option for a config-file field, or nullptr.
const RunOption* find_run_option(std::string_view field);

// Checks `value` against the option's type, range and extra check, then stores it. `where`
// starts every error: "FILE:LINE: field 'samples'" or "--samples". InputError when bad.
void apply_run_option(RunConfig& config, const RunOption& option, const json& value,
                      const std::string& where);

// The value a flag's text(s) spell, typed like a config-file value: "3" an integer, "0.5" a
// number. Text that is no number of the option's type is an InputError naming `flag`.
json run_option_value_from_text(const RunOption& option, const std::vector<std::string>& texts,
                                const std::string& flag);

// "integer 1..100000", "number 0..2", "list of strings", ... for --help and errors.
std::string run_option_type_text(const RunOption& option);

// The default from RunConfig{} as --help shows it ("" when there is nothing to show).
std::string run_option_default_text(const RunOption& option);

}  // namespace ds::harness
