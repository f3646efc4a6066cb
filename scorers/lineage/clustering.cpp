#include "scorers/lineage/clustering.hpp"

#include <cmath>
#include <functional>
#include <limits>

namespace ds::scorers::lineage {

Dendrogram average_linkage(const std::vector<std::vector<double>>& distance) {
  const size_t n = distance.size();
  Dendrogram out;
  if (n == 0) return out;
  double worst = 0;
  for (const auto& row : distance)
    for (double d : row)
      if (std::isfinite(d)) worst = std::max(worst, d);
  // d[a][b] between active clusters a and b (indexed by node id), cluster sizes, members.
  std::vector<std::vector<double>> d(2 * n - 1, std::vector<double>(2 * n - 1, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) d[i][j] = std::isfinite(distance[i][j]) ? distance[i][j] : worst;
  std::vector<size_t> size(2 * n - 1, 1);
  std::vector<size_t> active(n);
  for (size_t i = 0; i < n; ++i) active[i] = i;
  for (size_t step = 0; step + 1 < n; ++step) {
    size_t best_a = 0, best_b = 1;
    double best = std::numeric_limits<double>::infinity();
    for (size_t a = 0; a < active.size(); ++a)
      for (size_t b = a + 1; b < active.size(); ++b)
        if (d[active[a]][active[b]] < best) {
          best = d[active[a]][active[b]];
          best_a = a;
          best_b = b;
        }
    const size_t left = active[best_a], right = active[best_b], node = n + step;
    out.merges.push_back({left, right, best});
    size[node] = size[left] + size[right];
    active.erase(active.begin() + static_cast<std::ptrdiff_t>(best_b));
    active.erase(active.begin() + static_cast<std::ptrdiff_t>(best_a));
    // The average distance of the merged cluster: the size-weighted mean of its parts'.
    for (size_t other : active) {
      const double v = (d[left][other] * static_cast<double>(size[left]) +
                        d[right][other] * static_cast<double>(size[right])) /
                       static_cast<double>(size[node]);
      d[node][other] = d[other][node] = v;
    }
    active.push_back(node);
  }
  // Leaves left to right: depth-first from the root, left child first.
  std::function<void(size_t)> walk = [&](size_t node) {
    if (node < n) {
      out.order.push_back(node);
      return;
    }
    walk(out.merges[node - n].left);
    walk(out.merges[node - n].right);
  };
  walk(n == 1 ? 0 : 2 * n - 2);
  return out;
}

}  // namespace ds::scorers::lineage
