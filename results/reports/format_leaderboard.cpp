#include "results/reports/format_leaderboard.hpp"

#include <fmt/format.h>

#include <cmath>

#include "results/reports/format_csv.hpp"
#include "results/reports/html_assets.hpp"
#include "results/reports/markup.hpp"

namespace ds::results {

namespace {

using Table = std::vector<std::vector<std::string>>;

std::string closest_text(const LeaderboardEntry& e) {
  if (e.closest.empty()) return "none (fewer than 3 models)";
  if (!e.closest_p || !std::isfinite(*e.closest_p)) return fmt::format("{} ({})", e.closest, e.closest_verdict);
  return fmt::format("{} ({}, adjusted p {:.2g})", e.closest, e.closest_verdict, *e.closest_p);
}

std::string gap_text(const LeaderboardEntry& e) { return e.gap ? fmt::format("{:+.2f}", *e.gap) : "unscored"; }

// Header and one row per entry, as text cells (shared by markdown, HTML and CSV).
Table table_of(const Leaderboard& board) {
  Table t;
  std::vector<std::string> header = {"rank", "model"};
  header.insert(header.end(), board.suites.begin(), board.suites.end());
  for (const char* h : {"gap index", "closest model (verdict, adjusted p)", "store", "answers"}) header.push_back(h);
  t.push_back(header);
  int rank = 0;
  for (const auto& e : board.entries) {
    std::vector<std::string> row = {e.rank_score ? std::to_string(++rank) : "-",
                                    e.simulated ? e.label + " (simulated)" : e.label};
    for (const auto& c : e.cells) row.push_back(format_score_with_ci(c));
    for (size_t k = e.cells.size(); k < board.suites.size(); ++k) row.push_back("no answers");
    row.push_back(gap_text(e));
    row.push_back(closest_text(e));
    row.push_back(e.source);
    row.push_back(std::to_string(e.responses));
    t.push_back(row);
  }
  return t;
}

// Characters as a terminal shows them (UTF-8 continuation bytes take no column).
size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string notes(const Leaderboard& board) {
  std::string out = fmt::format("Compared on the suites every store has: {}.",
                                board.suites.empty() ? "none" : fmt::format("{}", fmt::join(board.suites, ", ")));
  if (!board.left_out.empty()) out += fmt::format(" Left out: {}.", fmt::join(board.left_out, "; "));
  out += fmt::format(" Ranked by {}; a model not scored on every compared suite is listed unranked (-). "
                     "Scores are means with 95% bootstrap intervals over items. The closest model is the "
                     "one whose answers are most like this model's; the verdict is the detector's for the "
                     "pair and says nothing about direction.",
                     board.sort_by.empty() ? "the mean of the compared suites" : board.sort_by);
  return out;
}

}  // namespace

std::string leaderboard_markdown(const Leaderboard& board) {
  Table t = table_of(board);
  for (auto& row : t)  // model names and store paths are outside text: never markup
    for (auto& cell : row) cell = markdown_text(cell);
  std::vector<size_t> width(t.front().size(), 3);
  for (const auto& row : t)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (size_t c = 0; c < row.size(); ++c)
      out += " " + row[c] + std::string(width[c] - display_width(row[c]), ' ') + " |";
    return out + "\n";
  };
  std::string out = line(t.front()) + "|";
  for (size_t c = 0; c < width.size(); ++c) out += std::string(width[c] + 2, '-') + "|";
  out += "\n";
  for (size_t r = 1; r < t.size(); ++r) out += line(t[r]);
  bool any_simulated = false;
  for (const auto& e : board.entries) any_simulated |= e.simulated;
  out += "\n" + notes(board) + "\n";
  if (any_simulated) out += "(simulated) = answers from `distillscope serve --simulate`, not a real model.\n";
  return out;
}

std::string leaderboard_html(const Leaderboard& board) {
  const Table t = table_of(board);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>distillscope "
      "leaderboard</title><style>{}</style></head><body><h1>distillscope leaderboard</h1><p>{}</p><table><tr>",
      html::kStyle, xml_escape(notes(board)));
  for (const auto& h : t.front()) out += "<th>" + xml_escape(h) + "</th>";
  out += "</tr>\n";
  for (size_t r = 1; r < t.size(); ++r) {
    out += "<tr>";
    for (const auto& cell : t[r]) out += "<td>" + xml_escape(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table></body></html>\n";
}

// CSV is read by programs: numbers in their own columns (mean, interval ends per suite),
// "unscored" where there is none, p-values as numbers.
std::string leaderboard_csv(const Leaderboard& board) {
  const auto number = [](const std::optional<double>& x, const char* spec) {
    return x && std::isfinite(*x) ? fmt::format(fmt::runtime(spec), *x) : std::string();
  };
  std::vector<std::string> header = {"rank", "model", "store"};
  for (const auto& suite : board.suites)
    for (const char* part : {"", " ci_low", " ci_high"}) header.push_back(suite + part);
  for (const char* h : {"gap index", "closest model", "closest verdict", "closest adjusted p", "answers"})
    header.push_back(h);
  std::vector<std::vector<std::string>> rows = {header};
  int rank = 0;
  for (const auto& e : board.entries) {
    std::vector<std::string> row = {e.rank_score ? std::to_string(++rank) : "", e.model, e.source};
    for (size_t k = 0; k < board.suites.size(); ++k) {
      const SuiteCell* c = k < e.cells.size() ? &e.cells[k] : nullptr;
      row.push_back(c && c->mean ? number(c->mean, "{:.4f}") : "unscored");
      row.push_back(c ? number(c->ci_low, "{:.4f}") : "");
      row.push_back(c ? number(c->ci_high, "{:.4f}") : "");
    }
    row.push_back(e.gap ? number(e.gap, "{:.4f}") : "unscored");
    row.push_back(e.closest);
    row.push_back(e.closest_verdict);
    row.push_back(number(e.closest_p, "{:.4g}"));
    row.push_back(std::to_string(e.responses));
    rows.push_back(std::move(row));
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_escape(row[c]);
    out += "\n";
  }
  return out;
}

json leaderboard_json(const Leaderboard& board) {
  json entries = json::array();
  int rank = 0;
  for (const auto& e : board.entries) {
    json scores = json::object();
    for (const auto& c : e.cells)
      scores[c.suite] = c.mean ? json{{"mean", *c.mean},
                                      {"ci_low", c.ci_low ? json(*c.ci_low) : json(nullptr)},
                                      {"ci_high", c.ci_high ? json(*c.ci_high) : json(nullptr)}}
                               : json("unscored");
    entries.push_back({{"rank", e.rank_score ? json(++rank) : json(nullptr)},
                       {"model", e.model}, {"label", e.label}, {"source", e.source},
                       {"simulated", e.simulated}, {"responses", e.responses}, {"scores", scores},
                       {"gap_index", e.gap ? json(*e.gap) : json("unscored")},
                       {"closest_model", e.closest.empty() ? json(nullptr) : json(e.closest)},
                       {"closest_p_adjusted", e.closest_p && std::isfinite(*e.closest_p) ? json(*e.closest_p) : json(nullptr)},
                       {"closest_verdict", e.closest_verdict}});
  }
  return {{"stores", board.stores}, {"suites", board.suites}, {"left_out", board.left_out},
          {"sort_by", board.sort_by.empty() ? "mean of the compared suites" : board.sort_by},
          {"entries", entries}};
}

}  // namespace ds::results
