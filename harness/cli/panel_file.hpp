#pragma once
// `--panel-file FILE`: the models a user asserts are independent of the reference, one name
// per line; blank lines and '#' comments are ignored.
#include <string>
#include <vector>

#include "harness/layer.hpp"

namespace ds::harness::cli {

struct PanelEntry {
  std::string model;
  int line = 0;
};

// InputError naming the file when it cannot be read, or file:line for a malformed line.
std::vector<PanelEntry> read_panel_file(const std::string& path);

// InputError "FILE:LINE: unknown model ..." for the first entry not in `known`.
void check_panel_entries(const std::string& path, const std::vector<PanelEntry>& entries,
                         const std::vector<std::string>& known);

}  // namespace ds::harness::cli
