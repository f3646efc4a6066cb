#pragma once
// A suite item as the store keeps it.
#include "results/store.hpp"
#include "tasks/suite.hpp"
#include "results/layer.hpp"

namespace ds::results {

StoredItem stored_item(const Suite& suite, const SuiteItem& item);

}  // namespace ds::results
