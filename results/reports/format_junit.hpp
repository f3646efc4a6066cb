#pragma once
#include <string>

#include "results/reports/markup.hpp"
#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {
// JUnit XML for CI (valid against the common Jenkins JUnit schema, tests/fixtures/junit.xsd):
// a <testsuite> per model and suite, a <testcase> per item and sample. Score 1 passes; a
// lower score is a <failure> whose message says expected vs got and whose text lists the
// failing asserts; a failed request is an <error>; a graded answer without a score is
// <skipped> with the reason. Answers that are never graded (fingerprint probes) are not test
// cases: each suite counts them in a property.
std::string format_junit(const ReportData& data);
}
