#pragma once
// Turns the suite names of a run (--suite ..., config `suites`) into loaded suites, so every
// command resolves "all", built-in names, file paths and generated suites the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tasks/suite.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

// The default item count of `math-generated` when none is given.
inline constexpr size_t kDefaultGeneratedCount = 200;

// "math,coding" as two names (as `--suite math,coding` is meant), unless a file has that name.
std::vector<std::string> split_suite_lists(const std::vector<std::string>& names);

// "all" expands to every built-in suite of the manifest (not the generated one); a name may
// be a built-in suite, "math-generated" (which needs `seed`) or a path to a .jsonl file.
// Duplicates are dropped, order is kept. Unknown names and a missing seed are InputErrors that
// say what to pass instead.
std::vector<Suite> resolve_suites(const std::vector<std::string>& names, std::optional<uint64_t> seed,
                                  size_t generated_count = kDefaultGeneratedCount);

}  // namespace ds::tasks
