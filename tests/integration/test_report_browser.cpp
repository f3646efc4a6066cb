// The shareable report, as a person opens it: `distillscope demo` builds a store over real
// HTTP from the simulated endpoint, `report` writes the HTML page, headless Chromium renders
// it with the network shut; the page must be populated, quiet and offline. The same store's
// JUnit output is validated against the JUnit schema and the markdown report's charts are
// checked. A screenshot is left in the build folder for a person to look at.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/json.hpp"
#include "tests/support/browser.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using namespace ds::harness;
namespace test = ds::test;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text of the first element that starts with `open`, up to `close`.
std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t a = text.find(open);
  if (a == std::string::npos) return "";
  const size_t b = text.find(close, a);
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The demo's simulated models (the simulator's personas, read from its data files).
size_t demo_models(const std::string& db) {
  const auto json_report = test::run_distillscope({"report", "--db", db, "--format", "json"});
  REQUIRE_MESSAGE(json_report.exit_code == 0, json_report.err);
  return json::parse(json_report.out)["models"].size();
}

// JUnit of the same store validates against the JUnit schema.
void check_junit(const test::TempDir& dir, const std::string& db) {
  const auto junit = test::run_distillscope({"report", "--db", db, "--format", "junit", "-o", dir.file("j.xml")});
  REQUIRE_MESSAGE(junit.exit_code == 0, junit.err);
  const std::string xml = slurp(dir.file("j.xml"));
  CHECK(xml.find("classname=\"sim-teacher.probes\"") == std::string::npos);
  CHECK(xml.find("<failure type=\"score\" message=\"score 0.000") != std::string::npos);
  if (!test::have_xmllint()) {
    test::skip("the JUnit schema check: xmllint is not installed (tools/install-deps.sh installs libxml2-utils)");
    return;
  }
  CHECK(test::xmllint_errors(dir.file("j.xml"), test::fixture_path("junit.xsd")) == "");
}

// Markdown writes its charts as SVG files beside it.
void check_markdown(const test::TempDir& dir, const std::string& db) {
  const auto md = test::run_distillscope(
      {"report", "--db", db, "--format", "md", "--reference", "sim-teacher", "-o", dir.file("r.md")});
  REQUIRE_MESSAGE(md.exit_code == 0, md.err);
  const std::string text = slurp(dir.file("r.md"));
  for (const char* chart : {"r-profile.svg", "r-detection.svg", "r-lineage.svg"}) {
    INFO(chart);
    CHECK(text.find(std::string("](") + chart + ")") != std::string::npos);
    REQUIRE(std::filesystem::exists(dir.file(chart)));
    if (test::have_xmllint()) CHECK(test::xmllint_errors(dir.file(chart)) == "");
  }
}

// A link into the viewer (as the evidence links are) switches it to that prompt and puts the
// named candidate beside the reference.
void check_viewer_link(const test::TempDir& dir, const std::string& html, const std::string& first_dom) {
  std::smatch first, later;
  const std::regex button("<button data-p=\"([0-9]+)\"[^>]*>([^ <]+) ");
  const std::string list = between(first_dom, "<div id=\"plist\">", "</div>");
  REQUIRE(std::regex_search(list, first, button));
  const std::string rest = first.suffix();
  std::string target;
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), button); it != std::sregex_iterator(); ++it)
    target = (*it)[2];  // the last prompt listed: not the one shown first
  REQUIRE(!target.empty());
  CHECK(between(first_dom, "<h3 id=\"pid\">", "</h3>") == "<h3 id=\"pid\">" + first[2].str());
  const auto page = test::render_page(html, dir.file("chromium-link"), {.fragment = "#prompt=" + target + "&with=sim-independent-k"});
  REQUIRE_MESSAGE(page.ok, page.log);
  CHECK(page.console.empty());
  CHECK(between(page.dom, "<h3 id=\"pid\">", "</h3>") == "<h3 id=\"pid\">" + target);
  CHECK(page.dom.find("class=\"column\" data-model=\"sim-independent-k\"") != std::string::npos);
}

// The page shows what the detector computes: `detect --json` on the same store gives the same
// candidates in the same order, with the same verdicts, in the rendered forest plot.
void check_matches_detector(const std::string& dom, const std::string& db, size_t kModels) {
  const auto detect = test::run_distillscope({"detect", "--reference", "sim-teacher", "--db", db, "--json"});
  REQUIRE_MESSAGE(detect.exit_code == 0, detect.err);
  const json doc = json::parse(detect.out);
  const std::string strip = between(dom, "class=\"detection\"", "</svg>");
  REQUIRE(doc["candidates"].size() == kModels - 1);
  for (size_t i = 0; i < doc["candidates"].size(); ++i) {
    const auto& c = doc["candidates"][i];
    INFO(c.dump());
    const std::string row = between(strip, "<g class=\"candidate\" data-model=\"" + std::to_string(i) + "\">", "</g>");
    CHECK(row.find(">" + c["model"].get<std::string>() + " (simulated)<") != std::string::npos);
    CHECK(row.find(">" + c["verdict"].get<std::string>() + "<") != std::string::npos);
  }
}

// The page opens with the summary in words, found without --reference: the demo's run named
// the reference, and the summary says so. Then the lineage map, the profile and the detail.
void check_summary_first(const std::string& dom) {
  std::vector<size_t> at;
  for (const char* id : {"summary", "lineage", "profile", "detection", "scores", "viewer-section"}) {
    INFO(id);
    at.push_back(dom.find(std::string("<section id=\"") + id + "\">"));
    CHECK(at.back() != std::string::npos);
  }
  CHECK(std::is_sorted(at.begin(), at.end()));
  const std::string summary = between(dom, "<section id=\"summary\">", "</section>");
  CHECK(summary.find("reference <b>sim-teacher</b> (named with --reference by the demo of ") != std::string::npos);
  CHECK(summary.find("<h3>Distilled (") != std::string::npos);
  CHECK(summary.find("<li><b>sim-student</b>: adjusted p ") != std::string::npos);
  CHECK(summary.find("<h3>Not detected (") != std::string::npos);
  CHECK(summary.find("What to do next:") != std::string::npos);
  // Evidence: one line an item until opened, the first open.
  const std::string evidence = between(dom, "<h3>Evidence, quoted", "</section>");
  CHECK(count(evidence, "<li><details open") >= 1);  // open="" as the DOM is dumped
  CHECK(count(evidence, "<li><details>") > count(evidence, "<li><details open"));
}

// Measured in the page as laid out in a 1400 x 1000 window: the lineage map shows on the first
// screen, and every quoted answer or code block with line breaks is shown with them.
void check_layout(const test::TempDir& dir, const std::string& html) {
  const std::string measured = dir.file("measured.html");
  std::string page = slurp(html);
  const std::string probe =
      "<script>(function () {"
      "var b = document.body, pres = document.querySelectorAll('#detection pre'), multi = 0, kept = 0;"
      "b.setAttribute('data-lineage-top', Math.round(document.querySelector('#lineage svg').getBoundingClientRect().top));"
      "b.setAttribute('data-viewport', window.innerHeight);"
      "pres.forEach(function (p) { if (p.textContent.indexOf('\\n') < 0) return; multi++;"
      "  var ws = getComputedStyle(p).whiteSpace; if (ws === 'pre' || ws === 'pre-wrap') kept++; });"
      "b.setAttribute('data-multiline', multi); b.setAttribute('data-kept', kept);"
      "})();</script>";
  page.insert(page.rfind("</body>"), probe);
  std::ofstream(measured) << page;
  const auto r = test::render_page(measured, dir.file("chromium-layout"), {.window_size = "1400,1000"});
  REQUIRE_MESSAGE(r.ok, r.log);
  const auto attribute = [&](const std::string& name) {
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(r.dom, m, std::regex(name + "=\"(-?[0-9]+)\"")), name);
    return std::stol(m[1]);
  };
  const long top = attribute("data-lineage-top"), viewport = attribute("data-viewport");
  MESSAGE("lineage map starts " << top << " px down a " << viewport << " px window");
  CHECK(viewport > 600);        // the window's inner height (Chromium keeps some of the 1000 px)
  CHECK(top + 150 < viewport);  // at least 150 px of the map on the first screen
  CHECK(attribute("data-multiline") > 0);
  CHECK(attribute("data-kept") == attribute("data-multiline"));
}

// Chromium renders every part, quietly and offline.
void check_browser(const test::TempDir& dir, const std::string& html, const std::string& db) {
  const size_t kModels = demo_models(db);
  REQUIRE(kModels >= 10);
  if (test::chromium_binary().empty()) {
    test::skip("the browser check: Chromium is not installed (tools/install-deps.sh installs Debian's chromium)");
    return;
  }
  // Controls first: the console and network checks must be able to fail.
  const std::string control = dir.file("control.html");
  std::ofstream(control) << "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\">"
                            "<script>console.error('control error')</script></body></html>";
  const auto c = test::render_page(control, dir.file("chromium-control"));
  REQUIRE_MESSAGE(c.ok, c.log);
  CHECK(c.console.size() == 1);
  REQUIRE(c.requests.size() >= 1);
  CHECK(c.requests.front() == "http://example.invalid/x.png");

  const std::string png = (std::filesystem::path(test::distillscope_binary()).parent_path() / "report-screenshot.png").string();
  const auto page = test::render_page(html, dir.file("chromium"), {.screenshot = png});
  REQUIRE_MESSAGE(page.ok, page.log);
  for (const auto& line : page.console) MESSAGE("console: " << line);
  CHECK(page.console.empty());
  for (const auto& url : page.requests) MESSAGE("network request: " << url);
  CHECK(page.requests.empty());
  const std::string& dom = page.dom;
  CHECK(std::regex_search(dom, std::regex("data-ready-ms=\"[0-9]+\"")));
  // Lineage map: a cell per model pair, n - 1 dendrogram links, the reference outlined.
  const std::string heat = between(dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\"", "</svg>");
  CHECK(count(heat, "<rect x=") == kModels * kModels + 10);  // + 10 legend swatches
  CHECK(count(between(heat, "<g class=\"dendrogram\">", "</g>"), "<path") == kModels - 1);
  CHECK(count(heat, "class=\"ref\"") == 2);
  CHECK(count(heat, "class=\"simmark\"") == kModels);
  // Detection: every other model on the strip, the student found, evidence quoted and marked.
  const std::string strip = between(dom, "class=\"detection\"", "</svg>");
  CHECK(count(strip, "<g class=\"candidate\"") == kModels - 1);
  CHECK(count(between(dom, "<h3>Evidence, quoted", "</section>"), "<mark>") >= 2);
  // Humanity profile: a row per model with intervals.
  const std::string profile = between(dom, "class=\"profile\"", "</svg>");
  CHECK(count(profile, "<g class=\"model\"") == kModels);
  CHECK(count(profile, "class=\"ci\"") >= kModels * 3);
  // Viewer: prompts listed, the reference pinned first with a candidate beside it.
  CHECK(count(between(dom, "<div id=\"plist\">", "</div>"), "<button") >= 10);
  const std::string view = between(dom, "<div id=\"pview\">", "<script");
  CHECK(count(view, "class=\"column\"") == 3);
  CHECK(view.find("class=\"column\" data-model=\"sim-teacher\"") < view.find("class=\"column\" data-model=\"sim-student\""));
  CHECK(count(view, "class=\"sample\"") >= 4);
  CHECK(count(between(dom, "<div id=\"chooser\">", "</div>"), "type=\"checkbox\"") == kModels - 1);

  check_summary_first(dom);
  check_layout(dir, html);
  check_matches_detector(dom, db, kModels);
  check_viewer_link(dir, html, dom);
  std::smatch ready;
  if (std::regex_search(dom, ready, std::regex("data-ready-ms=\"([0-9]+)\"")))
    MESSAGE("scripts done " << ready[1] << " ms after navigation (virtual time)");

  CHECK(std::filesystem::exists(png));
  MESSAGE("screenshot of the report: " << png);
}

}  // namespace

TEST_CASE("the demo's HTML report renders in Chromium: populated, no console errors, no network") {
  test::TempDir dir;
  const std::string db = dir.file("demo.db"), html = dir.file("report.html");
  const auto demo = test::run_distillscope({"demo", "--db", db, "--html", dir.file("demo.html"), "--limit", "2"});
  REQUIRE_MESSAGE(demo.exit_code == 0, demo.err);
  // No --reference: the report takes the one the demo's run named.
  const auto report = test::run_distillscope({"report", "--db", db, "--format", "html", "-o", html});
  REQUIRE_MESSAGE(report.exit_code == 0, report.err);

  check_junit(dir, db);
  check_markdown(dir, db);
  check_browser(dir, html, db);
}
