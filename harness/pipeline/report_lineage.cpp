// The lineage map: every model tested against every other (lineage_matrix), the pair
// similarity made symmetric, and the models ordered by average-linkage clustering on it.
#include <algorithm>
#include <cmath>

#include "harness/pipeline/report_parts.hpp"
#include "scorers/lineage/clustering.hpp"
#include "scorers/lineage/lineage_matrix.hpp"

namespace ds::harness {

LineageMap lineage_map(lineage::Detector& detector, const lineage::DetectResult* detection,
                       const SimulatedModels& simulated) {
  const lineage::LineageMatrix m = lineage::lineage_matrix(detector);
  const size_t n = m.models.size();
  LineageMap out;
  out.models = m.models;
  if (detection) out.reference = detection->reference;
  out.statistic_label = "mean per-prompt answer similarity";
  out.verdict_note =
      "the detector's verdict each way: the row model tested as a candidate against the column "
      "model as the reference, and the reverse (each pair its own test, no correction across "
      "pairs; similarity has no direction)";
  out.statistic.assign(n, std::vector<double>(n, NAN));
  out.verdict.assign(n, std::vector<std::string>(n));
  std::vector<std::vector<double>> distance(n, std::vector<double>(n, NAN));
  for (size_t i = 0; i < n; ++i) {
    const auto sim = simulated.find(m.models[i]);
    out.simulated.push_back(sim != simulated.end() && sim->second);
    for (size_t j = 0; j < n; ++j) {
      // Measured from both sides; the mean keeps the map symmetric.
      double s = m.similarity[i][j];
      if (std::isfinite(m.similarity[j][i])) s = std::isfinite(s) ? (s + m.similarity[j][i]) / 2 : m.similarity[j][i];
      out.statistic[i][j] = i == j ? 1.0 : s;
      distance[i][j] = i == j ? 0.0 : 1.0 - s;
      if (i != j) out.verdict[i][j] = m.verdict[i][j];
    }
  }
  const lineage::Dendrogram tree = lineage::average_linkage(distance);
  out.order = tree.order;
  for (const auto& merge : tree.merges) out.merges.push_back({merge.left, merge.right, merge.height});
  return out;
}

}  // namespace ds::harness
