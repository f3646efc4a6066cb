#pragma once
// Combines results stores (e.g. the shards of one run) into one.
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

// Every input is checked to be a results store before anything is written; each input is
// merged in one transaction, with put_response's rules (an answer is never replaced by an
// error), so merging twice or in another order gives the same answers.
MergeSummary merge_stores(Store& target, const std::vector<std::string>& inputs);

}  // namespace ds::results
