#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
std::string format_markdown(const ReportData& data);
}
