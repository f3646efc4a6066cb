#pragma once
// Leaderboards side by side: every model of every store, its suite scores with 95%
// intervals, gap index, and most likely parent from the lineage detector (for imported
// leaderboards this is the whole point: whose outputs does each entry echo?).
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "results/reports/report_data.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct LeaderboardEntry {
  std::string source;  // the store
  ModelRow row;
  std::optional<double> rank_score;  // what the board is sorted by; nullopt = unscored
  std::string parent;                // "" when none is likely
  std::optional<double> parent_p;    // Holm-adjusted p of the parent
  std::string parent_verdict;
  size_t responses = 0;
};

struct Leaderboard {
  std::vector<std::string> suites;
  std::string sort_by;  // suite name, or "" = mean of scored suites
  std::vector<LeaderboardEntry> entries;
};

Leaderboard build_leaderboard(const std::vector<std::string>& stores, const std::string& sort_by);
json leaderboard_to_json(const Leaderboard& board);
std::string leaderboard_table(const Leaderboard& board);

}  // namespace ds::harness
