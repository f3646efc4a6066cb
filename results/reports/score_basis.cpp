#include "results/reports/score_basis.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "results/reports/markup.hpp"
#include "results/reports/score_reason.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

std::string basis_cell(const SuiteBasis& s) {
  return fmt::format("{} of {}{}", s.scored, s.asked, s.insufficient ? " (insufficient: no figure)" : "");
}

std::string where_on_dat(const DatAnchorRow& r, double average) {
  if (r.low > average) return "above the average person's example";
  if (r.high < average) return "below the average person's example";
  return "not distinguishable from the average person's example";
}

std::string distribution_text(const std::vector<std::string>& labels, const std::map<std::string, double>& d) {
  std::string out;
  for (const auto& l : labels) {
    const auto it = d.find(l);
    out += fmt::format("{}{} {:.0f}%", out.empty() ? "" : ", ", l, 100 * (it == d.end() ? 0.0 : it->second));
  }
  return out;
}

// The section as rows of plain text cells, rendered by the two formats below.
struct Table {
  std::string title, lead;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::vector<Table> tables(const ScoreBasisView& v) {
  std::vector<Table> out;
  Table basis{"Items scored per suite",
              "Each suite's score rests on the items scored; a suite with fewer than half its items "
              "scored is shown as insufficient, not as a number.",
              {"model", "suite", "items scored", "why the others were not (answers)"},
              {}};
  for (const auto& s : v.suites) basis.rows.push_back({s.model, s.suite, basis_cell(s), counted_reasons(s.unscored_reasons)});
  out.push_back(std::move(basis));
  if (!v.dat.empty()) {
    Table dat{"DAT on the published human scale",
              fmt::format("Divergent Association Task, complete answers only, mapped onto the published scale "
                          "(the average person's example scores {:.0f}). Source: {}.",
                          v.dat_human_average, v.dat_source),
              {"model", "DAT (human scale)", "95% interval", "DAT items", "where it sits"},
              {}};
    for (const auto& r : v.dat)
      dat.rows.push_back({r.model, fmt::format("{:.1f}", r.human_scale), fmt::format("[{:.1f}, {:.1f}]", r.low, r.high),
                          std::to_string(r.items), where_on_dat(r, v.dat_human_average)});
    out.push_back(std::move(dat));
  }
  if (!v.philosophy.empty()) {
    Table phil{"Philosophy choices beside the PhilPapers 2020 survey",
               "Human shares are renormalised over the offered choices (the survey's other answers are left "
               "out, as in scoring); model shares are over its samples that named a choice.",
               {"topic", "human (PhilPapers 2020)", "model", "model's choices", "samples"},
               {}};
    for (const auto& p : v.philosophy)
      for (const auto& [model, d] : p.models)
        phil.rows.push_back({p.topic, distribution_text(p.labels, p.human), model, distribution_text(p.labels, d),
                             std::to_string(p.samples.at(model))});
    out.push_back(std::move(phil));
  }
  return out;
}

std::string md_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string score_basis_markdown(const ScoreBasisView& v) {
  std::string out = "\n## What the scores rest on\n";
  for (const auto& t : tables(v)) {
    out += "\n### " + t.title + "\n\n" + t.lead + "\n\n|";
    for (const auto& h : t.header) out += " " + h + " |";
    out += "\n|";
    for (size_t i = 0; i < t.header.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : t.rows) {
      out += "|";
      for (const auto& c : row) out += " " + md_cell(c) + " |";
      out += "\n";
    }
  }
  return out;
}

std::string score_basis_html(const ScoreBasisView& v) {
  std::string out = "<section id=\"score-basis\"><h2>What the scores rest on</h2>\n";
  for (const auto& t : tables(v)) {
    out += "<h3>" + xml_escape(t.title) + "</h3>\n<p>" + xml_escape(t.lead) + "</p>\n<table><thead><tr>";
    for (const auto& h : t.header) out += "<th>" + xml_escape(h) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& row : t.rows) {
      out += "<tr>";
      for (const auto& c : row) out += "<td>" + xml_escape(c) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody></table>\n";
  }
  return out + "</section>\n";
}

}  // namespace ds::results
