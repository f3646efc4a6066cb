#include <doctest/doctest.h>

#include <sstream>

#include "results/reports/format_leaderboard.hpp"

using namespace ds::results;

namespace {
Leaderboard sample_board() {
  Leaderboard b;
  b.stores = {"a.db", "b.db"};
  b.suites = {"math"};
  b.left_out = {"coding (only in b.db)"};
  LeaderboardEntry x{"gpt-x", "gpt-x [a.db]", "a.db", false, {{"math", 10, 10, 0, 0.9, 0.8, 1.0}},
                     0.9, 0.5, 10, "llama-ü", 0.01, "related"};
  LeaderboardEntry y{"gpt-x", "gpt-x [b.db]", "b.db", true, {{"math", 10, 10, 0, 0.5, 0.4, 0.6}},
                     0.5, std::nullopt, 10, "", std::nullopt, ""};
  LeaderboardEntry z{"unscored-model", "unscored-model", "b.db", false,
                     {{"math", 3, 0, 0, std::nullopt, std::nullopt, std::nullopt}}, std::nullopt, std::nullopt, 3, "", std::nullopt, ""};
  b.entries = {x, y, z};
  return b;
}
}  // namespace

TEST_CASE("the markdown leaderboard has aligned columns, names the compared suites and the left out") {
  const std::string md = leaderboard_markdown(sample_board());
  std::istringstream lines(md);
  std::string line;
  std::vector<size_t> widths;
  while (std::getline(lines, line) && line.rfind("|", 0) == 0) {
    size_t chars = 0;
    for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
    widths.push_back(chars);
  }
  REQUIRE(widths.size() == 5);
  for (size_t w : widths) CHECK(w == widths.front());
  CHECK(md.find("Compared on the suites every store has: math.") != std::string::npos);
  CHECK(md.find("Left out: coding (only in b.db).") != std::string::npos);
  CHECK(md.find("gpt-x [a.db]") != std::string::npos);
  CHECK(md.find("gpt-x [b.db] (simulated)") != std::string::npos);
  CHECK(md.find("llama-ü (related, adjusted p 0.01)") != std::string::npos);
  CHECK(md.find("| -    | unscored-model") != std::string::npos);
  CHECK(md.find("parent") == std::string::npos);
}

TEST_CASE("csv, html and json carry the same rows") {
  const Leaderboard b = sample_board();
  const std::string csv = leaderboard_csv(b);
  // Numbers in their own columns; the store in its own column tells the two gpt-x apart.
  CHECK(csv.rfind("rank,model,store,math,math ci_low,math ci_high,gap index,closest model,closest verdict,"
                  "closest adjusted p,answers\n", 0) == 0);
  CHECK(csv.find("\n1,gpt-x,a.db,0.9000,0.8000,1.0000,0.5000,llama-ü,related,0.01,10\n") != std::string::npos);
  CHECK(csv.find("\n2,gpt-x,b.db,0.5000,0.4000,0.6000,unscored,,,,10\n") != std::string::npos);
  CHECK(csv.find("\n,unscored-model,b.db,unscored,,,unscored,,,,3\n") != std::string::npos);
  CHECK(leaderboard_html(b).find("<td>gpt-x [b.db] (simulated)</td>") != std::string::npos);
  const json j = leaderboard_json(b);
  CHECK(j["entries"][0]["closest_model"] == "llama-ü");
  CHECK(j["entries"][2]["rank"].is_null());
  CHECK(j["left_out"][0] == "coding (only in b.db)");
}
