#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// {"source", "runs", "suites", "models": [{"name", "simulated", "scores": {suite: {mean,
// ci_low, ci_high, n, scored, failed} | "unscored"}, "gap_index"}], "detection", "records"}
std::string format_json(const ReportData& data);
}
