#include <doctest/doctest.h>

#include "core/utf8.hpp"
#include "results/reports/format_csv.hpp"
#include "results/reports/format_html.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/format_junit.hpp"
#include "results/reports/format_markdown.hpp"
#include "core/json_bounded.hpp"

using namespace ds::results;

namespace {
ReportData sample_data() {
  ReportData d;
  d.source = "r.db";
  d.suites = {"math", "creativity"};
  ModelRow a{"sim-a", "openai", true, {}, 0.25, 0.1, 0.4};
  a.cells = {{"math", 2, 2, 1, 0.5, 0.0, 1.0}, {"creativity", 1, 0, 0, std::nullopt, std::nullopt, std::nullopt}};
  d.models = {a};
  d.records = {
      {.model = "sim-a", .suite = "math", .item_id = "m1", .text = "Answer: 4", .score = 1.0},
      {.model = "sim-a", .suite = "math", .item_id = "m2", .text = "x < y & \"q\"", .score = 0.0},
      {.model = "sim-a", .suite = "math", .item_id = "m3", .error = "HTTP 500"},
      {.model = "sim-a", .suite = "creativity", .item_id = "c1", .text = "a, b"},
  };
  return d;
}
}  // namespace

TEST_CASE("markdown shows intervals, unscored cells and the simulation label") {
  const std::string md = format_markdown(sample_data());
  CHECK(md.find("0.500 [0.000, 1.000]") != std::string::npos);
  CHECK(md.find("unscored") != std::string::npos);
  CHECK(md.find("sim-a (simulated)") != std::string::npos);
  CHECK(md.find("not real models") != std::string::npos);
}

TEST_CASE("junit counts failures, errors and skipped, and escapes text") {
  const std::string xml = format_junit(sample_data());
  CHECK(xml.find("tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\"") != std::string::npos);
  CHECK(xml.find("x &lt; y &amp; &quot;q&quot;") != std::string::npos);
  CHECK(xml.find("<skipped message=\"unscored\"/>") != std::string::npos);
}

TEST_CASE("csv quotes fields and writes unscored, never a number, for unscored answers") {
  const std::string csv = format_csv(sample_data());
  CHECK(csv.find("\"x < y & \"\"q\"\"\"") != std::string::npos);
  CHECK(csv.find("c1,0,unscored") != std::string::npos);
  CHECK(csv_escape("a,b") == "\"a,b\"");
}

TEST_CASE("json report is valid JSON with unscored marked") {
  const json doc = json::parse(format_json(sample_data()));
  CHECK(doc["models"][0]["scores"]["creativity"]["mean"] == "unscored");
  CHECK(doc["models"][0]["scores"]["math"]["ci_low"] == 0.0);
  CHECK(doc["models"][0]["simulated"] == true);
  CHECK(doc["records"].size() == 4);
}

TEST_CASE("html escapes answers and lays them side by side") {
  const std::string html = format_html(sample_data());
  CHECK(html.find("x &lt; y") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("Answers side by side") != std::string::npos);
  CHECK(html.find("failed: HTTP 500") != std::string::npos);
}

TEST_CASE("reports stay well-formed with invalid UTF-8 and cuts inside a character") {
  ReportData d = sample_data();
  // A failed answer whose 2000-byte cut falls inside a 3-byte character, and a model name
  // that is not UTF-8 (stored by an older version).
  d.records.push_back({.model = "bad\xff", .suite = "math", .item_id = "m9",
                       .text = std::string(1999, 'x') + "\xe2\x82\xac", .score = 0.0});
  const std::string xml = format_junit(d);
  CHECK(utf8_valid(xml));
  CHECK(xml.find(std::string(1999, 'x') + "</failure>") != std::string::npos);
  CHECK(xml.find("bad\xef\xbf\xbd") != std::string::npos);
  CHECK(utf8_valid(format_html(d)));
  const JsonParse doc = try_parse_json(format_json(d));
  CHECK(doc.ok());
}
