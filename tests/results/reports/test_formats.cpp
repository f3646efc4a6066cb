#include <doctest/doctest.h>

#include "results/reports/format_csv.hpp"
#include "results/reports/format_html.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/format_markdown.hpp"
#include "results/reports/format_junit.hpp"
#include "results/reports/markup.hpp"
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

TEST_CASE("csv quotes fields; an unscored answer has an empty score and its reason beside it") {
  const std::string csv = format_csv(test::sample_report());
  CHECK(csv.rfind("run_id,model,simulated,suite,item_id,sample,score,unscored_reason,error,", 0) == 0);
  CHECK(csv.find("\"x < y & \"\"q\"\"\"") != std::string::npos);
  CHECK(csv.find(",m1,0,1,,,") != std::string::npos);
  CHECK(csv.find(",c1,0,,needs a judge,,") != std::string::npos);
  CHECK(csv.find(",m3,0,,request failed,HTTP 500,") != std::string::npos);
  CHECK(csv.find("unscored,") == std::string::npos);
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
  CHECK(html.find("\\u003c/script\\u003e\\u003cb\\u003e") != std::string::npos);
}

namespace {
// A model name, answer and prompt id that would be markup in any context left unescaped.
const std::string kHostile = "x</title><script>alert(1)</script><title>*b*|`c`[d](e)";

ReportData hostile_report() {
  ReportData d = test::sample_report();
  d.models[0].name = kHostile;
  d.detection->result.candidates[0].model = kHostile;
  d.detection->result.reference_label = kHostile;
  d.detection->result.candidates[0].evidence[0].quote = kHostile;
  d.detection->result.candidates[0].evidence[0].prompt_ids = {kHostile};
  d.lineage->models[1] = kHostile;
  d.lineage->verdict[0][1] = kHostile;
  d.responses[0].record.model = kHostile;
  d.viewer.models[0] = kHostile;
  d.viewer.answers[0][0][0].text = "<!--<script>" + kHostile;
  return d;
}
}  // namespace

TEST_CASE("svg: a hostile model name in the heatmap's titles and labels stays text") {
  const MarkdownReport md = format_markdown(hostile_report(), "out");
  REQUIRE(md.files.size() == 3);
  for (const auto& [name, svg] : md.files) {
    CAPTURE(name);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("</title><script") == std::string::npos);
  }
  CHECK(md.files[2].second.find("<title>x&lt;/title&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("markdown: a hostile model name, quote and prompt id stay text") {
  const std::string md = format_markdown(hostile_report()).text;
  CHECK(md.find("<script") == std::string::npos);
  CHECK(md.find("</title>") == std::string::npos);
  CHECK(md.find("x&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;title&gt;*b*\\|\\`c\\`[d]\\(e)") !=
        std::string::npos);
  CHECK(md.find("## Detection against reference x&lt;/title&gt;") != std::string::npos);
  CHECK(markdown_text("line\none | two") == "line one \\| two");
  CHECK(markdown_text("llama_3 *x* ~y~") == "llama_3 *x* ~y~");
}

TEST_CASE("html: a hostile model name stays text, and <!--<script> in an answer cannot stop the page") {
  const std::string html = format_html(hostile_report());
  const auto scripts = [](const std::string& page) {
    size_t n = 0;
    for (size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++n;
    return n;
  };
  // The page's own script elements only (data islands and the viewer's script).
  CHECK(scripts(html) == scripts(format_html(test::sample_report())));
  CHECK(html.find("<!--") == std::string::npos);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("\\u003c!--\\u003cscript\\u003e") != std::string::npos);
}

TEST_CASE("xml: a hostile model name stays text in the JUnit report") {
  const std::string xml = format_junit(hostile_report());
  CHECK(xml.find("<script") == std::string::npos);
  CHECK(xml.find("x&lt;/title&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("html opens with a summary in words, then the lineage map, the profile and the detail") {
  ReportData d = test::sample_report();
  d.reference_origin = "named with --reference by the run of 2026-01-02T10:00:00Z";
  const std::string html = format_html(d);
  const size_t summary = html.find("<section id=\"summary\">"), lineage = html.find("<section id=\"lineage\">"),
               profile = html.find("<section id=\"profile\">"), detection = html.find("<section id=\"detection\">"),
               scores = html.find("<section id=\"scores\">"), viewer = html.find("<section id=\"viewer-section\">");
  REQUIRE(summary != std::string::npos);
  CHECK(summary < lineage);
  CHECK(lineage < profile);
  CHECK(profile < detection);
  CHECK(detection < scores);
  CHECK(scores < viewer);
  const std::string words = html.substr(summary, lineage - summary);
  CHECK(words.find("reference <b>sim-a</b> (named with --reference by the run of 2026-01-02T10:00:00Z)") !=
        std::string::npos);
  CHECK(words.find("of the 2 models tested, <b>1</b> is called") != std::string::npos);
  CHECK(words.find("and 1 is not detected.") != std::string::npos);
  CHECK(words.find("<b>sim-b</b>: adjusted p 2e-05, z 4.20") != std::string::npos);
  CHECK(words.find("Each z is below the 2.60 this panel needs") != std::string::npos);
  CHECK(words.find("real-c (z 0.10)") != std::string::npos);
  CHECK(words.find("What to do next:") != std::string::npos);
  // No reference: the summary says how to give one.
  d.detection.reset();
  const std::string none = format_html(d);
  CHECK(none.find("No reference model is named") != std::string::npos);
  CHECK(none.find("<code>distillscope report --reference MODEL</code>") != std::string::npos);
}

TEST_CASE("html evidence is one line an item until opened, and quoted code keeps its lines") {
  ReportData d = test::sample_report();
  auto& evidence = d.detection->result.candidates[0].evidence;
  evidence[0].quote = "def f(x):\n    return x + 1";
  evidence.push_back(evidence[0]);
  d.detection->quotes[0].push_back(std::nullopt);
  const std::string html = format_html(d);
  const std::string ev = html.substr(html.find("<ul class=\"evidence\">"));
  CHECK(ev.find("<li><details open><summary><b>identity</b>: claims R&apos;s identity") != std::string::npos);
  CHECK(ev.find("<li><details><summary><b>identity</b>") != std::string::npos);  // the second, folded
  CHECK(ev.find("<pre class=\"code\">def f(x):\n    return x + 1</pre>") != std::string::npos);
  // "not detected" is not styled as a pass; numbers with intervals never wrap.
  CHECK(html.find("span.not-detected{color:#2e7d32}") == std::string::npos);
  CHECK(html.find("td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}") != std::string::npos);
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

TEST_CASE("csv: a cell a spreadsheet would evaluate starts with ', a negative number stays a number") {
  CHECK(csv_escape("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_escape("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(csv_escape("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_escape("+1+cmd") == "'+1+cmd");
  CHECK(csv_escape("-2+3") == "'-2+3");
  CHECK(csv_escape("\tx") == "'\tx");
  CHECK(csv_escape("-") == "'-");
  for (const char* number : {"-3", "+2.5", "-1e-3", "-.5", "0", "-12.75E+2"}) CHECK(csv_escape(number) == number);
  ReportData d = test::sample_report();
  d.responses[0].record.text = "=1+1";
  d.responses[0].record.model = "@evil";
  d.responses[1].record.text = "-42";
  const std::string csv = format_csv(d);
  CHECK(csv.find(",'=1+1\n") != std::string::npos);
  CHECK(csv.find(",'@evil,") != std::string::npos);
  CHECK(csv.find(",-42\n") != std::string::npos);
}

TEST_CASE("csv: text cut inside a character is written as valid UTF-8") {
  ReportData d = test::sample_report();
  d.responses[2].record.error = "malformed stream event: \xe2\x82";
  CHECK(utf8_valid(format_csv(d)));
}
