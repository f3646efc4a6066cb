#pragma once
// The report's charts as standalone SVG: inline in the HTML page, and as files beside a
// markdown report.
#include <string>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

// The lineage map: one cell per model pair coloured by the pair statistic, rows and columns in
// dendrogram order, the dendrogram on the left, the reference's row and column outlined,
// simulated models marked. `titles` adds a hover title per cell (small maps; the HTML page
// shows its own tooltip instead).
std::string svg_lineage_heatmap(const LineageMap& map, bool titles);

// The humanity profile: per model, math / coding / creativity / philosophy means with 95%
// intervals, and the gap index with its interval.
std::string svg_profile_chart(const std::vector<ModelRow>& models);

// Detection against the reference: each candidate's p-value (open) and adjusted p-value
// (filled) on a -log10 scale, the region where unrelated models fall under the null shaded,
// the `distilled` threshold drawn, the verdict in words.
std::string svg_detection_strip(const DetectionView& detection);

}  // namespace ds::results
