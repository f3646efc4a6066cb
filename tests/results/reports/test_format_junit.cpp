#include <doctest/doctest.h>

#include <fstream>

#include "results/reports/format_junit.hpp"
#include "tests/results/reports/report_sample.hpp"
#include "tests/support/browser.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using namespace ds::results;
namespace test = ds::test;

TEST_CASE("junit: failures say expected vs got, probes are not test cases, counts add up") {
  const std::string xml = format_junit(test::sample_report());
  CHECK(xml.find("<testsuites name=\"distillscope\" tests=\"4\" failures=\"1\" errors=\"1\">") != std::string::npos);
  CHECK(xml.find("tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\"") != std::string::npos);
  CHECK(xml.find("message=\"score 0.000: expected 12, got 13\"") != std::string::npos);
  CHECK(xml.find("x &lt; y &amp; &quot;q&quot;") != std::string::npos);
  CHECK(xml.find("<skipped message=\"unscored: needs a judge\"/>") != std::string::npos);
  CHECK(xml.find("p1#0") == std::string::npos);
  CHECK(xml.find("name=\"not_graded\" value=\"1 fingerprint") != std::string::npos);
}

TEST_CASE("junit: failing asserts are listed in the failure text") {
  ReportData d;
  Record r{.model = "m", .suite = "coding", .item_id = "c1", .text = "def f(): return 2", .score = 0.0};
  d.responses = {{r, true, "assert f() == 1", "def f(): return 2", {"test_one: AssertionError", "test_two: timeout"}, ""}};
  const std::string xml = format_junit(d);
  CHECK(xml.find("2 failing: test_one: AssertionError") != std::string::npos);
  CHECK(xml.find("failing asserts:\n  test_one: AssertionError\n  test_two: timeout") != std::string::npos);
}

TEST_CASE("junit validates against the common JUnit schema, which rejects what it must") {
  if (!test::have_xmllint()) {
    test::skip("xmllint is not installed (apt-get install libxml2-utils; tools/install-deps.sh does)");
    return;
  }
  test::TempDir dir;
  const std::string xsd = test::fixture_path("junit.xsd");
  const std::string good = dir.file("good.xml");
  std::ofstream(good) << format_junit(test::sample_report());
  CHECK(test::xmllint_errors(good, xsd) == "");
  // Negative controls: the schema and the validator can fail.
  const std::string skipped_attr = dir.file("skipped.xml");
  std::ofstream(skipped_attr) << "<?xml version=\"1.0\"?><testsuites tests=\"1\" skipped=\"1\"></testsuites>";
  CHECK(test::xmllint_errors(skipped_attr, xsd) != "");
  const std::string no_name = dir.file("noname.xml");
  std::ofstream(no_name) << "<?xml version=\"1.0\"?><testsuites><testsuite name=\"s\" tests=\"1\"><testcase/></testsuite></testsuites>";
  CHECK(test::xmllint_errors(no_name, xsd) != "");
}
