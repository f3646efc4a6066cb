#pragma once
// The sections of the HTML report, each from its part of ReportData.
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results::html {

std::string scores_section(const ReportData& data);
std::string profile_section(const ReportData& data);
std::string lineage_section(const ReportData& data);
std::string detection_section(const ReportData& data);
std::string viewer_section(const ReportData& data);

// The sentence that says what the gap index means (HTML and markdown).
extern const char* const kGapIndexSentence;

}  // namespace ds::results::html
