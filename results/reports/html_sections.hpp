#pragma once
// The sections of the HTML report, each from its part of ReportData.
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results::html {

// The opening summary: what was found against the reference and what to do next.
std::string summary_section(const ReportData& data);
std::string scores_section(const ReportData& data);
std::string profile_section(const ReportData& data);
std::string lineage_section(const ReportData& data);
std::string detection_section(const ReportData& data);
std::string viewer_section(const ReportData& data);

// x formatted with `spec`, or "-" when it is not finite (a figure not measured).
std::string number(double x, const char* spec = "{:.3g}");

// The sentence that says what the gap index means (HTML and markdown).
extern const char* const kGapIndexSentence;

}  // namespace ds::results::html
