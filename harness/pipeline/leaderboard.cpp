#include "harness/pipeline/leaderboard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "harness/pipeline/report_data_build.hpp"
#include "harness/pipeline/report_parts.hpp"
#include "results/lineage_features.hpp"
#include "scorers/lineage/lineage_matrix.hpp"
#include "tasks/suite_kind.hpp"

namespace ds::harness {

namespace {

struct StoreBoard {
  std::string path;
  ReportData data;
  std::map<std::string, lineage::ParentGuess> closest;
  std::map<std::string, size_t> answered;
};

StoreBoard read_store(const std::string& path) {
  StoreBoard b;
  b.path = path;
  Store store(path, /*read_only=*/true);
  ReportOptions options;
  options.responses = false;
  b.data = build_report_data(store, path, options);
  for (const auto& r : store.responses({})) ++b.answered[r.model];
  const auto corpus = load_corpus(store);
  if (corpus.models.size() >= 3) {
    lineage::Detector detector(corpus);
    for (const auto& p : lineage::lineage_matrix(detector).parents) b.closest[p.model] = p;
  }
  return b;
}

// Suites with answers in every store; the others are named with the stores that have them.
void compared_suites(const std::vector<StoreBoard>& boards, Leaderboard& board) {
  std::map<std::string, std::vector<std::string>> holders;
  for (const auto& b : boards)
    for (const auto& s : b.data.suites) holders[s].push_back(b.path);
  for (const auto& [suite, stores] : holders) {
    // Fingerprint probes are never graded: nothing to rank them by.
    if (resolve_suite_kind(suite, json::object()) == SuiteKind::probes) {
      board.left_out.push_back(suite + " (never graded)");
      continue;
    }
    if (stores.size() == boards.size()) board.suites.push_back(suite);
    else board.left_out.push_back(fmt::format("{} (only in {})", suite, fmt::join(stores, ", ")));
  }
}

std::optional<double> rank_value(const std::vector<SuiteCell>& cells, const std::string& sort_by) {
  double sum = 0;
  int n = 0;
  for (const auto& c : cells) {
    if (!sort_by.empty() && c.suite != sort_by) continue;
    if (!c.mean) return std::nullopt;  // not comparable with models scored on every suite
    sum += *c.mean;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace

Leaderboard build_leaderboard(const std::vector<std::string>& stores, const std::string& sort_by) {
  Leaderboard board;
  board.stores = stores;
  board.sort_by = sort_by;
  std::vector<StoreBoard> boards;
  for (const auto& path : stores) boards.push_back(read_store(path));
  compared_suites(boards, board);
  if (!sort_by.empty() && std::find(board.suites.begin(), board.suites.end(), sort_by) == board.suites.end())
    throw InputError(fmt::format("--sort {}: not a suite every store has (compared suites: {})", sort_by,
                                 fmt::join(board.suites, ", ")));
  std::map<std::string, int> stores_with_name;
  for (const auto& b : boards)
    for (const auto& m : b.data.models) ++stores_with_name[m.name];
  for (const auto& b : boards)
    for (const auto& row : b.data.models) {
      LeaderboardEntry e;
      e.model = row.name;
      e.source = b.path;
      e.label = stores_with_name[row.name] > 1 ? fmt::format("{} [{}]", row.name, b.path) : row.name;
      e.simulated = row.simulated;
      for (const auto& suite : board.suites)
        for (const auto& c : row.cells)
          if (c.suite == suite) e.cells.push_back(c);
      e.rank_score = rank_value(e.cells, sort_by);
      e.gap = row.gap;
      const auto answered = b.answered.find(row.name);
      e.responses = answered == b.answered.end() ? 0 : answered->second;
      if (const auto it = b.closest.find(row.name); it != b.closest.end() && !it->second.parent.empty()) {
        e.closest = it->second.parent;
        e.closest_p = it->second.p_adjusted;
        e.closest_verdict = it->second.verdict;
      }
      board.entries.push_back(std::move(e));
    }
  // Ranked entries first, best first; the others after, by label.
  std::stable_sort(board.entries.begin(), board.entries.end(), [](const auto& a, const auto& b) {
    if (a.rank_score.has_value() != b.rank_score.has_value()) return a.rank_score.has_value();
    if (a.rank_score && *a.rank_score != *b.rank_score) return *a.rank_score > *b.rank_score;
    return a.label < b.label;
  });
  return board;
}

}  // namespace ds::harness
