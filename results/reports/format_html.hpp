#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// One self-contained page (inline CSS, SVG and script; no network): detection against the
// reference with quoted evidence, the lineage map, the humanity profile, the score table, and
// a viewer of every prompt with the reference's answers pinned first.
std::string format_html(const ReportData& data);
}
