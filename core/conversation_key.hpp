#pragma once
// Keys that identify "the conversation so far", with whitespace normalised (the server's
// transcript matching and the importers' join of prompts across tools): the full key
// (system + every turn with its role) and the user-turns key (only what the user said, so a
// conversation matches whatever assistant turns came in between).
#include <string>
#include <vector>

#include "core/types.hpp"

namespace ds::core {

std::string full_conversation_key(const std::string& system, const std::vector<Message>& messages);
std::string user_turns_key(const std::vector<Message>& messages);

}  // namespace ds::core
