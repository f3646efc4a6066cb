#pragma once
// A simulated model asked to judge: a request whose instructions ask for a final
// "Score: N/10" line gets a short evaluation and a score that is a deterministic function of
// the judge persona and the judged text. About one first reply in five forgets the score
// line, as real judges sometimes do, so the harness's follow-up is exercised over real
// HTTP; asked again (the conversation then holds the judge's own reply), it complies.
#include <optional>
#include <string>

#include "harness/server/chat.hpp"
#include "harness/server/sim_context.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

// The judge's reply when `query` asks for a score, else nullopt.
std::optional<std::string> sim_judge(const SimContext& ctx, const ChatQuery& query);

}  // namespace ds::harness::server
