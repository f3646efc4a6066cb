#pragma once
// Combines results stores (e.g. the shards of one run) into one.
#include <functional>
#include <string>
#include <vector>

#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct MergeSummary {
  size_t responses = 0;
  size_t scores = 0;
  size_t runs = 0;
};

// Every input is checked to be a results store (read-only: a missing one is an InputError and
// is not created), and no model may be two different endpoints (name + provider + base URL)
// across the inputs and the target, before anything is written. Call it before opening the
// target, so that a bad input leaves no target file behind.
void check_merge_inputs(const std::vector<std::string>& inputs, Store* target = nullptr);

// check_merge_inputs, then each input is merged (the scores of items for which
// `scored_over_all_answers` is true, e.g. choice distributions and diversity, are not
// copied: score the target afterwards to compute them over the merged answers); each input is
// merged in one transaction, with put_response's rules (an answer is never replaced by an
// error), so merging twice or in another order gives the same answers.
MergeSummary merge_stores(Store& target, const std::vector<std::string>& inputs,
                          const std::function<bool(const StoredItem&)>& scored_over_all_answers = {});

}  // namespace ds::results
