#pragma once
// A leaderboard over one or more results stores, as typed data for its formats: models side
// by side only on the suites every store has, each with its closest model and the detector's
// verdict for that pair (no direction: similarity cannot say who learnt from whom).
#include <optional>
#include <string>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct LeaderboardEntry {
  std::string model;   // the name as stored
  std::string label;   // the name, with its store when several stores have that name
  std::string source;  // the store
  bool simulated = false;
  std::vector<SuiteCell> cells;       // in Leaderboard::suites order
  std::optional<double> rank_score;   // nullopt = not scored on every compared suite
  std::optional<double> gap;
  size_t responses = 0;
  std::string closest;                // the most similar model of the same store; "" = none
  std::optional<double> closest_p;    // adjusted p of the pair test
  std::string closest_verdict;
};

struct Leaderboard {
  std::vector<std::string> stores;
  std::vector<std::string> suites;     // compared: present in every store
  std::vector<std::string> left_out;   // "suite (only in a.db, b.db)"
  std::string sort_by;                 // a suite, or "" = mean of the compared suites
  std::vector<LeaderboardEntry> entries;  // ranked first (best first), then the unranked
};

}  // namespace ds::results
