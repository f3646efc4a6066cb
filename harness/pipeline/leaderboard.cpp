#include "harness/pipeline/leaderboard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "harness/pipeline/report_data_build.hpp"
#include "results/store.hpp"
#include "results/lineage_features.hpp"
#include "scorers/lineage/lineage_matrix.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

std::optional<double> rank_value(const ModelRow& row, const std::string& sort_by) {
  double sum = 0;
  int n = 0;
  for (const auto& c : row.cells) {
    if (!c.mean) continue;
    if (!sort_by.empty() && c.suite != sort_by) continue;
    sum += *c.mean;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace

Leaderboard build_leaderboard(const std::vector<std::string>& stores, const std::string& sort_by) {
  Leaderboard board;
  board.sort_by = sort_by;
  std::set<std::string> suites;
  for (const auto& path : stores) {
    Store store(path);
    const ReportData data = build_report_data(store, path);
    const auto corpus = load_corpus(store);
    std::map<std::string, lineage::ParentGuess> parents;
    if (corpus.models.size() >= 3) {
      lineage::Detector detector(corpus);
      for (const auto& p : lineage::lineage_matrix(detector).parents) parents[p.model] = p;
    }
    std::map<std::string, size_t> answered;
    for (const auto& r : data.records) answered[r.model] += r.error.empty() ? 1 : 0;
    for (const auto& row : data.models) {
      LeaderboardEntry e;
      e.source = path;
      e.row = row;
      e.rank_score = rank_value(row, sort_by);
      e.responses = answered[row.name];
      if (const auto it = parents.find(row.name); it != parents.end() && !it->second.parent.empty()) {
        e.parent = it->second.parent;
        e.parent_p = it->second.p_adjusted;
        e.parent_verdict = it->second.verdict;
      }
      for (const auto& c : row.cells) suites.insert(c.suite);
      board.entries.push_back(std::move(e));
    }
  }
  board.suites.assign(suites.begin(), suites.end());
  // Scored entries first, best first; unscored ones after, by name.
  std::stable_sort(board.entries.begin(), board.entries.end(), [](const auto& a, const auto& b) {
    if (a.rank_score.has_value() != b.rank_score.has_value()) return a.rank_score.has_value();
    if (a.rank_score && *a.rank_score != *b.rank_score) return *a.rank_score > *b.rank_score;
    return a.row.name < b.row.name;
  });
  return board;
}

namespace {
const SuiteCell* cell_for(const ModelRow& row, const std::string& suite) {
  for (const auto& c : row.cells) if (c.suite == suite) return &c;
  return nullptr;
}
}  // namespace

json leaderboard_to_json(const Leaderboard& board) {
  json entries = json::array();
  int rank = 0;
  for (const auto& e : board.entries) {
    json scores = json::object();
    for (const auto& s : board.suites) {
      const SuiteCell* c = cell_for(e.row, s);
      scores[s] = (c && c->mean) ? json{{"mean", *c->mean}, {"ci_low", c->ci_low ? json(*c->ci_low) : json(nullptr)},
                                        {"ci_high", c->ci_high ? json(*c->ci_high) : json(nullptr)}}
                                 : json("unscored");
    }
    entries.push_back({{"rank", e.rank_score ? json(++rank) : json(nullptr)},
                       {"model", e.row.name}, {"source", e.source}, {"simulated", e.row.simulated},
                       {"responses", e.responses}, {"scores", scores},
                       {"gap_index", e.row.gap ? json(*e.row.gap) : json("unscored")},
                       {"likely_parent", e.parent.empty() ? json(nullptr) : json(e.parent)},
                       {"parent_p_adjusted", e.parent_p ? json(*e.parent_p) : json(nullptr)},
                       {"parent_verdict", e.parent_verdict}});
  }
  return {{"sort_by", board.sort_by.empty() ? "mean of scored suites" : board.sort_by},
          {"suites", board.suites}, {"entries", entries}};
}

std::string leaderboard_table(const Leaderboard& board) {
  std::string out = fmt::format("{:<5}{:<34}", "rank", "model");
  for (const auto& s : board.suites) out += fmt::format("{:<22}", s);
  out += fmt::format("{:<24}{}\n", "likely parent (Holm p)", "source");
  int rank = 0;
  bool any_simulated = false;
  for (const auto& e : board.entries) {
    any_simulated |= e.row.simulated;
    const std::string name = e.row.simulated ? e.row.name + " (simulated)" : e.row.name;
    out += fmt::format("{:<5}{:<34}", e.rank_score ? std::to_string(++rank) : "-", name);
    for (const auto& s : board.suites) {
      const SuiteCell* c = cell_for(e.row, s);
      out += fmt::format("{:<22}", c ? format_score_with_ci(*c) : "no answers");
    }
    const std::string parent =
        e.parent.empty() ? "none" : fmt::format("{} ({:.2g}, {})", e.parent, e.parent_p.value_or(1), e.parent_verdict);
    out += fmt::format("{:<24}{}\n", parent, e.source);
  }
  out += fmt::format("\nRanked by {}; scores are means with 95% bootstrap intervals over items.\n",
                     board.sort_by.empty() ? "the mean of the scored suites" : board.sort_by);
  if (any_simulated) out += "(simulated) = answers from `distillscope serve --simulate`, not a real model.\n";
  return out;
}

}  // namespace ds::harness
