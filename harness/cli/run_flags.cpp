#include "harness/layer.hpp"
#include "harness/cli/run_flags.hpp"

#include <fmt/format.h>

namespace ds::harness::cli {

namespace {

std::string long_name(const std::string& flags) {
  const auto start = flags.find("--");
  return flags.substr(start, flags.find(',', start) - start);
}

const char* type_name(const RunOption& o) {
  if (!o.metavar.empty()) return o.metavar.c_str();
  switch (o.type) {
    case OptionType::integer: return "INT";
    case OptionType::number: return "NUMBER";
    default: return "TEXT";
  }
}

}  // namespace

RunFlags::RunFlags(CLI::App& cmd) {
  for (const auto& o : run_options()) {
    Flag& f = flags_.emplace_back();
    f.option = &o;
    f.name = long_name(o.flags);
    // A flag that turns a default-on field off says so: "--no-progress  turn off progress ...".
    const std::string help = o.flag_turns_off ? fmt::format("turn off {} (config: {}: false)", o.help, o.field)
                                              : o.help + fmt::format(" (config: {})", o.field);
    if (o.type == OptionType::boolean) {
      f.cli = cmd.add_flag(o.flags, help);
      continue;
    }
    f.cli = o.type == OptionType::text_list ? cmd.add_option(o.flags, f.texts, help) : cmd.add_option(o.flags, f.text, help);
    f.cli->type_name(type_name(o));
    if (const std::string d = run_option_default_text(o); !d.empty()) f.cli->default_str(d);
  }
}

void RunFlags::apply(RunConfig& config) const {
  for (const Flag& f : flags_) {
    if (f.cli->count() == 0) continue;
    const std::vector<std::string> texts = f.option->type == OptionType::text_list
                                               ? f.texts
                                               : std::vector<std::string>{f.text};
    apply_run_option(config, *f.option, run_option_value_from_text(*f.option, texts, f.name), f.name);
  }
}

std::string run_fields_help() {
  std::string out =
      "\nConfig file fields (YAML or JSON, same names and checks as the flags; flags override the file, "
      "DISTILLSCOPE_DB/DISTILLSCOPE_CACHE override the file too):\n";
  for (const auto& o : run_options()) {
    const std::string d = run_option_default_text(o);
    out += fmt::format("  {:<21}{:<27} {}{}\n", o.field, run_option_type_text(o), o.help,
                       d.empty() ? "" : fmt::format(" [default: {}]", d));
  }
  return out;
}

}  // namespace ds::harness::cli
