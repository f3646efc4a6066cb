#include "core/conversation_key.hpp"

#include "core/text.hpp"

namespace ds::core {

std::string full_conversation_key(const std::string& system, const std::vector<Message>& messages) {
  std::string key = "system\x1f" + normalise_whitespace(system);
  for (const auto& m : messages) key += "\x1e" + m.role + "\x1f" + normalise_whitespace(m.content);
  return key;
}

std::string user_turns_key(const std::vector<Message>& messages) {
  std::string key;
  for (const auto& m : messages)
    if (m.role == "user") key += "\x1e" + normalise_whitespace(m.content);
  return key;
}

}  // namespace ds::core
