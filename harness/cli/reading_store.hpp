#pragma once
// The store a reading command (report, lineage, leaderboard, detect) reads: opened read-only,
// and refused with exit 2 when it holds no answer, instead of printing empty tables.
#include <string>

#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

// InputError "PATH: this store has no answers; ..." when it holds none (e.g. after the last
// model was pruned); InputError naming the path when there is no store.
void require_answers(Store& store, const std::string& path);

}  // namespace ds::harness::cli
