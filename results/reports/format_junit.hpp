#pragma once
#include <string>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// JUnit XML for CI: a <testsuite> per model and suite, a <testcase> per item and sample.
// Score 1 passes; a lower score is a <failure>; a failed request is an <error>; an
// unscored answer is <skipped>.
std::string format_junit(const ReportData& data);
std::string xml_escape(const std::string& text);
}
