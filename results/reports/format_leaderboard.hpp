#pragma once
// The leaderboard as an aligned markdown table, an HTML page, CSV or JSON.
#include <string>

#include "core/json.hpp"
#include "results/reports/leaderboard_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

std::string leaderboard_markdown(const Leaderboard& board);
std::string leaderboard_html(const Leaderboard& board);
std::string leaderboard_csv(const Leaderboard& board);
json leaderboard_json(const Leaderboard& board);

}  // namespace ds::results
