#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// One row per response: run_id, model, suite, item_id, sample, score, error, latency_ms, text.
std::string format_csv(const ReportData& data);
std::string csv_escape(const std::string& field);
}
