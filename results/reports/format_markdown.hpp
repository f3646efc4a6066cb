#pragma once
#include <string>
#include <utility>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct MarkdownReport {
  std::string text;
  std::vector<std::pair<std::string, std::string>> files;  // chart file name → SVG, beside the report
};

// chart_stem: charts are named STEM-profile.svg, STEM-lineage.svg, STEM-detection.svg and
// linked from the text; "" = no charts (the report goes to standard output).
MarkdownReport format_markdown(const ReportData& data, const std::string& chart_stem = "");

}  // namespace ds::results
