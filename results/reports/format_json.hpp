#pragma once
#include <string>

#include "results/reports/report_data.hpp"

namespace ds {
// {"source", "runs", "suites", "models": [{"name", "simulated", "scores": {suite: {mean,
// ci_low, ci_high, n, scored, failed} | "unscored"}, "gap_index"}], "detection", "records"}
std::string format_json(const ReportData& data);
}
