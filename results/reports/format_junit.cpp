#include "results/reports/format_junit.hpp"

#include <fmt/format.h>

#include <map>
#include "core/utf8.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

std::string failure_message(const ResponseRow& r) {
  std::string got = utf8_prefix(r.extracted, 120);
  if (got.find('\n') != std::string::npos) got = got.substr(0, got.find('\n')) + " …";
  std::string msg = fmt::format("score {:.3f}", *r.record.score);
  if (!r.expected.empty() && r.expected.size() <= 120 && r.expected.find('\n') == std::string::npos)
    msg += fmt::format(": expected {}, got {}", r.expected, got.empty() ? "no answer" : got);
  if (!r.failed_checks.empty())
    msg += fmt::format("; {} failing: {}", r.failed_checks.size(), utf8_prefix(r.failed_checks.front(), 160));
  return msg;
}

std::string failure_text(const ResponseRow& r) {
  std::string text;
  if (!r.expected.empty()) text += "expected:\n" + utf8_prefix(r.expected, 2000) + "\n\n";
  text += "got (extracted):\n" + (r.extracted.empty() ? std::string("(nothing extracted)") : utf8_prefix(r.extracted, 2000)) + "\n";
  if (!r.failed_checks.empty()) {
    text += "\nfailing asserts:\n";
    for (const auto& f : r.failed_checks) text += "  " + utf8_prefix(f, 500) + "\n";
  }
  return text + "\nanswer:\n" + utf8_prefix(r.record.text, 2000);
}

}  // namespace

std::string format_junit(const ReportData& d) {
  std::map<std::pair<std::string, std::string>, std::vector<const ResponseRow*>> groups;
  for (const auto& r : d.responses) groups[{r.record.model, r.record.suite}].push_back(&r);
  std::string body;
  size_t total = 0, failures = 0, errors = 0;
  for (const auto& [key, rows] : groups) {
    size_t tests = 0, f = 0, e = 0, s = 0, ungraded = 0;
    std::string cases;
    for (const ResponseRow* row : rows) {
      const Record& r = row->record;
      if (!row->graded) {
        ++ungraded;
        continue;
      }
      ++tests;
      cases += fmt::format("    <testcase classname=\"{}.{}\" name=\"{}#{}\" time=\"{:.3f}\">",
                           xml_escape(key.first), xml_escape(key.second), xml_escape(r.item_id), r.sample,
                           r.latency_ms / 1000.0);
      if (!r.error.empty()) {
        ++e;
        cases += fmt::format("<error type=\"request\" message=\"{}\"/>", xml_escape(r.error));
      } else if (!r.score) {
        ++s;
        cases += fmt::format("<skipped message=\"unscored: {}\"/>", xml_escape(row->unscored_reason));
      } else if (*r.score < 1.0) {
        ++f;
        cases += fmt::format("<failure type=\"score\" message=\"{}\">{}</failure>", xml_escape(failure_message(*row)),
                             xml_escape(failure_text(*row)));
      }
      cases += "</testcase>\n";
    }
    const std::string properties =
        ungraded ? fmt::format("    <properties><property name=\"not_graded\" value=\"{} fingerprint "
                               "answers, recorded for lineage only\"/></properties>\n",
                               ungraded)
                 : "";
    if (tests == 0 && ungraded == 0) continue;
    body += fmt::format(
        "  <testsuite name=\"{}/{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}{}"
        "  </testsuite>\n",
        xml_escape(key.first), xml_escape(key.second), tests, f, e, s, properties, cases);
    total += tests;
    failures += f;
    errors += e;
  }
  // The schema's <testsuites> has no `skipped` attribute: skipped counts live on each suite.
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"distillscope\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
      total, failures, errors, body);
}

}  // namespace ds::results
