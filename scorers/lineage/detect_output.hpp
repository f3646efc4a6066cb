#pragma once
// How detect and lineage results are shown: the stable JSON shape and a readable table.
#include <string>

#include "harness/core/json.hpp"
#include "results/store.hpp"
#include "scorers/lineage/detector.hpp"

namespace ds::lineage {

json detect_result_to_json(const DetectResult& result);
std::string detect_result_table(const DetectResult& result);

// A TextLookup reading first answers from the store (prompt ids are "suite/item_id").
TextLookup store_text_lookup(Store& store);

}  // namespace ds::lineage
