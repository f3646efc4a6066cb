#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// {"source", "runs", "suites", "models": [{"name", "simulated", "scores": {suite: {mean,
// ci_low, ci_high, n, scored, asked, failed}; mean "unscored" or "insufficient" (fewer than half
// the items asked were scored) instead of a number}, "profile", "gap_index"}], "detection":
// {"reference", "null", "correction", "panel", "alpha", "candidates"} | null, "records",
// and "lineage" when computed}
std::string format_json(const ReportData& data);
}
