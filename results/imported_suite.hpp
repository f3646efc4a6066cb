#pragma once
// Imported prompts as a suite: `run --suite mtbench` on a store holding published MT-bench
// answers sends exactly the prompts the published models were sent, so the new answers join
// theirs item for item. The suite name is the one `import` stored the prompts under
// (mtbench, arenahard, alpacaeval, and `imported` for lm-eval / Inspect / promptfoo / HELM
// prompts). A turn after the first names its earlier turns (SuiteItem::earlier_turns), so the
// run sends it with the model's own earlier answers.
#include <optional>
#include <string>
#include <vector>

#include "results/store.hpp"
#include "tasks/suite.hpp"
#include "results/layer.hpp"

namespace ds::results {

// The suites the store holds prompts of that are not built-in suites, sorted.
std::vector<std::string> stored_suite_names(Store& store);

// The stored prompts of `name` as a suite (Suite::stored set), in natural order of item id
// with each conversation's turns together; nullopt when the store holds none.
std::optional<Suite> stored_suite(Store& store, const std::string& name);

}  // namespace ds::results
