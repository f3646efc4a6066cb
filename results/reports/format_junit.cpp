#include "results/reports/format_junit.hpp"

#include <fmt/format.h>

#include <map>
#include "results/layer.hpp"

#include "core/utf8.hpp"

namespace ds::results {

std::string xml_escape(const std::string& raw) {
  // Stored text from outside may be invalid UTF-8: the XML must stay well-formed.
  const std::string text = utf8_sanitize(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string format_junit(const ReportData& d) {
  std::map<std::pair<std::string, std::string>, std::vector<const Record*>> groups;
  for (const auto& r : d.records) groups[{r.model, r.suite}].push_back(&r);
  std::string body;
  size_t total = 0, failures = 0, errors = 0, skipped = 0;
  for (const auto& [key, records] : groups) {
    size_t f = 0, e = 0, s = 0;
    std::string cases;
    for (const Record* r : records) {
      cases += fmt::format("    <testcase classname=\"{}.{}\" name=\"{}#{}\" time=\"{:.3f}\">",
                           xml_escape(key.first), xml_escape(key.second), xml_escape(r->item_id),
                           r->sample, r->latency_ms / 1000.0);
      if (!r->error.empty()) {
        ++e;
        cases += fmt::format("<error message=\"{}\"/>", xml_escape(r->error));
      } else if (!r->score) {
        ++s;
        cases += "<skipped message=\"unscored\"/>";
      } else if (*r->score < 1.0) {
        ++f;
        cases += fmt::format("<failure message=\"score {:.3f}\">{}</failure>", *r->score,
                             xml_escape(utf8_prefix(r->text, 2000)));
      }
      cases += "</testcase>\n";
    }
    body += fmt::format(
        "  <testsuite name=\"{}/{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}"
        "  </testsuite>\n",
        xml_escape(key.first), xml_escape(key.second), records.size(), f, e, s, cases);
    total += records.size();
    failures += f;
    errors += e;
    skipped += s;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"distillscope\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}</testsuites>\n",
      total, failures, errors, skipped, body);
}

}  // namespace ds::results
