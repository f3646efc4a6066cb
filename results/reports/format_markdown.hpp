#pragma once
#include <string>

#include "results/reports/report_data.hpp"

namespace ds {
std::string format_markdown(const ReportData& data);
}
