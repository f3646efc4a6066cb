#pragma once
// Builds what every report format shows from a store: its rows plus the run summary (means,
// bootstrap intervals, humanity profile).
#include <string>

#include "results/reports/report_data.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

ReportData build_report_data(Store& store, const std::string& source);

}  // namespace ds::harness
