#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// A self-contained page: the score table, detection, and a side-by-side viewer of every
// model's answer to the same prompt (sample 0), grouped by suite.
std::string format_html(const ReportData& data);
}
