#include "harness/server/sim_judge.hpp"

#include <fmt/format.h>

namespace ds::harness::server {

namespace {

constexpr const char* kScoreLine = "Score: N/10";
constexpr double kForgetsScore = 0.2;  // share of first replies without the score line

bool asks_for_score(const ChatQuery& query) {
  if (query.system.find(kScoreLine) != std::string::npos) return true;
  for (const auto& m : query.messages)
    if (m.role == "user" && m.content.find(kScoreLine) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<std::string> sim_judge(const SimContext& ctx, const ChatQuery& query) {
  if (!asks_for_score(query) || query.messages.empty()) return std::nullopt;
  // The judged text is the first user message; the score depends on it and the judge only.
  SimRng r(ctx.self->name + "|judge|" + query.messages.front().content);
  const int score = 1 + static_cast<int>(r.index(10));
  const char* quality = score >= 8 ? "strong" : score >= 5 ? "adequate" : "weak";
  const std::string evaluation =
      fmt::format("The response is {}: it addresses the task {}.", quality,
                  score >= 5 ? "with some care" : "only in part");
  const bool asked_again = query.messages.size() >= 3;
  if (!asked_again && r.chance(kForgetsScore)) return evaluation + " Overall, a fair attempt.";
  return fmt::format("{}\nScore: {}/10", evaluation, score);
}

}  // namespace ds::harness::server
