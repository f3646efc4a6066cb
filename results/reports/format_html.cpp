#include "results/reports/format_html.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/utf8.hpp"
#include "results/reports/format_junit.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

constexpr const char* kStyle = R"CSS(
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.unscored{color:#888;font-style:italic}
.sim{color:#a60}
.answers td{max-width:32em;white-space:pre-wrap;font-size:0.85em}
.pass{background:#e8f6e8}.fail{background:#fbeaea}.err{background:#eee}
details{margin:0.5em 0}
)CSS";

}  // namespace

std::string format_html(const ReportData& d) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>distillscope report</title>"
      "<style>{}</style></head><body>\n<h1>distillscope report</h1>\n<p>Source: <code>{}</code></p>\n",
      kStyle, xml_escape(d.source));
  bool any_simulated = false;
  for (const auto& m : d.models) any_simulated |= m.simulated;
  if (any_simulated)
    out += "<p class=\"sim\">Models marked (simulated) are deterministic simulations from "
           "<code>distillscope serve --simulate</code>, not real models.</p>\n";
  out += "<h2>Scores</h2><p>Mean with 95% bootstrap interval over items.</p><table><tr><th>model</th>";
  for (const auto& s : d.suites) out += "<th>" + xml_escape(s) + "</th>";
  out += "<th>gap index</th></tr>\n";
  for (const auto& m : d.models) {
    out += "<tr><td>" + xml_escape(m.name) + (m.simulated ? " <span class=\"sim\">(simulated)</span>" : "") + "</td>";
    for (const auto& c : m.cells) {
      const std::string text = format_score_with_ci(c);
      out += c.mean ? "<td>" + text + "</td>" : "<td class=\"unscored\">" + text + "</td>";
    }
    out += m.gap ? fmt::format("<td>{:+.2f} [{:+.2f}, {:+.2f}]</td>", *m.gap,
                               m.gap_low.value_or(*m.gap), m.gap_high.value_or(*m.gap))
                 : std::string("<td class=\"unscored\">unscored</td>");
    out += "</tr>\n";
  }
  out += "</table>\n";
  if (!d.detection.is_null() && d.detection.contains("candidates")) {
    out += fmt::format("<h2>Detection against <code>{}</code></h2><p>{}</p>",
                       xml_escape(d.detection.value("reference", "")),
                       xml_escape(d.detection.value("method", "")));
    out += fmt::format("<p>Correction: {}</p>", xml_escape(d.detection.value("correction_note", "")));
    out += "<table><tr><th>candidate</th><th>z</th><th>p-value</th><th>adjusted p</th><th>verdict</th><th>evidence</th></tr>\n";
    for (const auto& c : d.detection["candidates"]) {
      std::string evidence;
      if (c.contains("evidence"))
        for (const auto& e : c["evidence"])
          evidence += "<li><b>" + xml_escape(e.value("kind", "")) + "</b>: " +
                      xml_escape(e.value("detail", "")) + "</li>";
      out += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><details>"
          "<summary>evidence</summary><ul>{}</ul></details></td></tr>\n",
          xml_escape(c.value("model", "")), number_text(c, "z", "{:.2f}"), number_text(c, "p_value", "{:.3g}"),
          number_text(c, "p_adjusted", "{:.3g}"), xml_escape(c.value("verdict", "")), evidence);
    }
    out += "</table>\n";
  }
  // Side-by-side viewer: one table per suite, one row per item, one column per model.
  std::vector<std::string> models;
  for (const auto& m : d.models) models.push_back(m.name);
  std::map<std::string, std::map<std::string, std::map<std::string, const Record*>>> grid;
  for (const auto& r : d.records)
    if (r.sample == 0) grid[r.suite][r.item_id][r.model] = &r;
  out += "<h2>Answers side by side</h2>\n";
  for (const auto& [suite, items] : grid) {
    out += fmt::format("<details><summary>{} ({} prompts)</summary><table class=\"answers\"><tr><th>item</th>",
                       xml_escape(suite), items.size());
    for (const auto& m : models) out += "<th>" + xml_escape(m) + "</th>";
    out += "</tr>\n";
    for (const auto& [item, by_model] : items) {
      out += "<tr><td>" + xml_escape(item) + "</td>";
      for (const auto& m : models) {
        const auto it = by_model.find(m);
        if (it == by_model.end()) {
          out += "<td></td>";
          continue;
        }
        const Record& r = *it->second;
        const char* cls = !r.error.empty() ? "err" : !r.score ? "" : *r.score >= 1.0 ? "pass" : "fail";
        const std::string score = !r.error.empty() ? "failed: " + r.error
                                  : r.score ? fmt::format("score {:.3f}", *r.score)
                                            : std::string("unscored");
        out += fmt::format("<td class=\"{}\"><b>{}</b>\n{}</td>", cls, xml_escape(score),
                           xml_escape(utf8_prefix(r.text, 4000)));
      }
      out += "</tr>\n";
    }
    out += "</table></details>\n";
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace ds::results
