#pragma once
// Keys that identify "the conversation so far" for transcript matching, with whitespace
// normalised: the full key (system + every turn with its role) and the user-turns key (only
// what the user said, so a conversation matches whatever assistant turns came in between).
#include <string>
#include <vector>

#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

std::string full_conversation_key(const std::string& system, const std::vector<Message>& messages);
std::string user_turns_key(const std::vector<Message>& messages);

}  // namespace ds::harness::server
