#pragma once
// `run --jsonl FILE`: one record per response of a run, written after the run is scored so
// each record carries its score (null only when the answer is unscored or failed).
#include <string>

#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

// Opens `path` for appending (creating it) or throws InputError naming it: checked before a
// run sends any request.
void check_jsonl_writable(const std::string& path);

// Appends the records of run `run_id` to `path`; returns how many.
size_t append_run_jsonl(Store& store, const std::string& run_id, const std::string& path);

}  // namespace ds::results
