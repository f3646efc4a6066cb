#pragma once
// Test support: writes a zip archive (to build Inspect .eval logs from JSON fixtures).
#include <string>
#include <utility>
#include <vector>

namespace ds::test {

// Writes `members` (name, bytes) to a new zip archive at `path`; throws on failure.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members);

}  // namespace ds::test
