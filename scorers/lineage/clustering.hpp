#pragma once
// Average-linkage (UPGMA) hierarchical clustering of models from a distance matrix: the
// order of the lineage map's rows and its dendrogram.
#include <cstddef>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Dendrogram {
  struct Merge {
    size_t left = 0, right = 0;  // node ids: leaves 0..n-1, merge k is node n + k
    double height = 0;           // average distance between the two clusters' members
  };
  std::vector<Merge> merges;  // n - 1 merges in the order they happen
  std::vector<size_t> order;  // leaves left to right, so every cluster is contiguous
};

// distance: symmetric n x n; NaN (not measured) is treated as the largest finite distance.
// Ties merge the pair with the smallest ids first, so the result is deterministic.
Dendrogram average_linkage(const std::vector<std::vector<double>>& distance);

}  // namespace ds::scorers::lineage
