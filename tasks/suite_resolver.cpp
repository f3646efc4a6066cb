#include "tasks/suite_resolver.hpp"

#include <fmt/format.h>

#include <set>

#include "core/errors.hpp"
#include "tasks/math_generator.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

std::vector<Suite> resolve_suites(const std::vector<std::string>& names, std::optional<uint64_t> seed,
                                  size_t generated_count) {
  std::vector<std::string> expanded;
  for (const auto& name : names) {
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
