#include "harness/cli/panel_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "core/errors.hpp"

namespace ds::harness::cli {

std::vector<PanelEntry> read_panel_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("--panel-file {}: cannot read the file", path));
  std::vector<PanelEntry> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const auto e = line.find_last_not_of(" \t\r");
    const std::string name = line.substr(b, e - b + 1);
    if (name.find_first_of(" \t") != std::string::npos)
      throw InputError(fmt::format("{}:{}: '{}': one model name per line", path, number, name));
    out.push_back({name, number});
  }
  if (out.empty()) throw InputError(fmt::format("--panel-file {}: names no model (one model name per line)", path));
  return out;
}

void check_panel_entries(const std::string& path, const std::vector<PanelEntry>& entries,
                         const std::vector<std::string>& known) {
  for (const auto& e : entries)
    if (std::find(known.begin(), known.end(), e.model) == known.end())
      throw InputError(fmt::format("{}:{}: unknown model '{}' (no answers in the store); known models: {}", path,
                                   e.line, e.model, fmt::join(known, ", ")));
}

}  // namespace ds::harness::cli
