#include "tasks/suite_resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "tasks/math_generator.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

std::vector<std::string> split_suite_lists(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (name.find(',') == std::string::npos || std::filesystem::exists(name)) {
      out.push_back(name);
      continue;
    }
    size_t start = 0;
    while (start <= name.size()) {
      const size_t comma = std::min(name.find(',', start), name.size());
      if (std::string part = trim(std::string_view(name).substr(start, comma - start)); !part.empty())
        out.push_back(std::move(part));
      start = comma + 1;
    }
  }
  return out;
}

std::vector<Suite> resolve_suites(const std::vector<std::string>& names, std::optional<uint64_t> seed,
                                  size_t generated_count) {
  std::vector<std::string> expanded;
  for (const auto& name : split_suite_lists(names)) {
    if (name == "all") {
      for (const auto& builtin : builtin_suite_names()) expanded.push_back(builtin);
    } else {
      expanded.push_back(name);
    }
  }
  std::vector<Suite> suites;
  std::set<std::string> seen;
  for (const auto& name : expanded) {
    if (!seen.insert(name).second) continue;
    if (name == kGeneratedMathSuite) {
      if (!seed)
        throw InputError(fmt::format("suite '{}' needs a seed: pass --seed N (or set `seed` in the config)",
                                     kGeneratedMathSuite));
      suites.push_back(generate_math_suite(*seed, generated_count));
    } else {
      suites.push_back(load_suite(name));
    }
  }
  if (suites.empty()) throw InputError("no suites selected: pass --suite NAME (or 'all')");
  return suites;
}

}  // namespace ds::tasks
