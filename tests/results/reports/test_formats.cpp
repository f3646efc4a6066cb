#include <doctest/doctest.h>

#include "results/reports/format_csv.hpp"
#include "results/reports/format_html.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/format_markdown.hpp"
#include "results/reports/format_junit.hpp"
#include "core/json_bounded.hpp"
#include "core/utf8.hpp"
#include "tests/results/reports/report_sample.hpp"

using namespace ds::results;
namespace test = ds::test;

TEST_CASE("markdown shows intervals, unscored cells and the simulation label") {
  const std::string md = format_markdown(test::sample_report()).text;
  CHECK(md.find("0.500 [0.000, 1.000]") != std::string::npos);
  CHECK(md.find("unscored") != std::string::npos);
  CHECK(md.find("sim-a (simulated)") != std::string::npos);
  CHECK(md.find("not real models") != std::string::npos);
  CHECK(md.find("The gap index is") != std::string::npos);
}

TEST_CASE("markdown with a chart stem writes the charts as SVG files it links to") {
  const MarkdownReport md = format_markdown(test::sample_report(), "out");
  REQUIRE(md.files.size() == 3);
  for (const auto& [name, svg] : md.files) {
    CHECK(md.text.find("](" + name + ")") != std::string::npos);
    CHECK(svg.rfind("<svg", 0) == 0);
  }
  CHECK(format_markdown(test::sample_report()).files.empty());
}

TEST_CASE("csv quotes fields and writes unscored, never a number, for unscored answers") {
  const std::string csv = format_csv(test::sample_report());
  CHECK(csv.find("\"x < y & \"\"q\"\"\"") != std::string::npos);
  CHECK(csv.find("c1,0,unscored") != std::string::npos);
  CHECK(csv_escape("a,b") == "\"a,b\"");
}

TEST_CASE("json report is valid JSON with unscored marked and the detection as detect --json writes it") {
  const json doc = json::parse(format_json(test::sample_report()));
  CHECK(doc["models"][0]["scores"]["creativity"]["mean"] == "unscored");
  CHECK(doc["models"][0]["scores"]["math"]["ci_low"] == 0.0);
  CHECK(doc["models"][0]["simulated"] == true);
  CHECK(doc["records"].size() == 5);
  CHECK(doc["detection"]["null"] == "the candidate is unrelated to the reference");
  CHECK(doc["detection"]["candidates"][0]["verdict"] == "distilled");
  CHECK(doc["detection"]["candidates"][1]["verdict"] == "not detected");
  CHECK(doc["detection"]["candidates"][0]["z_interval"][0] == 3.1);
  CHECK(doc["detection"]["candidates"][0]["evidence"][0]["quote"] == "I am sim-a, trained by the same people");
  CHECK(doc["lineage"]["cluster_order"].size() == 3);
}

TEST_CASE("html is one self-contained page with every section, escaped") {
  const std::string html = format_html(test::sample_report());
  CHECK(html.find("x &lt; y") == std::string::npos);  // answers live in the data island only
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("class=\"heatmap\"") != std::string::npos);
  CHECK(html.find("class=\"profile\"") != std::string::npos);
  CHECK(html.find("class=\"detection\"") != std::string::npos);
  CHECK(html.find("id=\"viewer-data\"") != std::string::npos);
  CHECK(html.find("The gap index is") != std::string::npos);
  // Verbatim evidence with the shared phrase marked, linking into the viewer.
  CHECK(html.find("<mark>") != std::string::npos);
  CHECK(html.find("href=\"#prompt=probes/p1&amp;with=sim-b\"") != std::string::npos);
  // The detector's words, p-values and null, as it computed them.
  CHECK(html.find(">distilled</span>") != std::string::npos);
  CHECK(html.find(">not detected</span>") != std::string::npos);
  CHECK(html.find("this panel could detect z ≥ 2.60") != std::string::npos);
  CHECK(html.find("parametric: a t with 3 df") != std::string::npos);
  CHECK(html.find("<td class=\"num\">4.20 [3.10, 5.30]</td>") != std::string::npos);
  // Nothing fetched from anywhere: no external script, style, image or font.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // An answer containing "</script>" cannot end the data island early.
  CHECK(html.find("</script><b>") == std::string::npos);
  CHECK(html.find("<\\/script><b>") != std::string::npos);
}

TEST_CASE("reports stay well-formed with invalid UTF-8 and cuts inside a character") {
  ReportData d = test::sample_report();
  // A failed answer whose 2000-byte cut falls inside a 3-byte character, and a model name
  // that is not UTF-8 (stored by an older version).
  d.responses.push_back({{.model = "bad\xff", .suite = "math", .item_id = "m9",
                          .text = std::string(1999, 'x') + "\xe2\x82\xac", .score = 0.0}});
  d.viewer.answers[1][0][0].text = "ok \xff then";
  const std::string xml = format_junit(d);
  CHECK(utf8_valid(xml));
  CHECK(xml.find(std::string(1999, 'x') + "</failure>") != std::string::npos);
  CHECK(xml.find("bad\xef\xbf\xbd") != std::string::npos);
  CHECK(utf8_valid(format_html(d)));
  CHECK(utf8_valid(format_markdown(d).text));
  const JsonParse doc = try_parse_json(format_json(d));
  CHECK(doc.ok());
}
