#pragma once
// How detect and lineage results are shown: the stable JSON shape and a readable table.
#include <string>

#include "core/json.hpp"
#include "results/store.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/layer.hpp"

namespace ds::results {

json detect_result_to_json(const lineage::DetectResult& result);
// One or two plain sentences first: which models answer like the reference beyond the panel,
// how sure, what was not detected or could not be tested, and what would help.
std::string detect_summary(const lineage::DetectResult& result);
std::string detect_result_table(const lineage::DetectResult& result);

// A TextLookup reading first answers from the store (prompt ids are "suite/item_id").
lineage::TextLookup store_text_lookup(Store& store);

}  // namespace ds::results
