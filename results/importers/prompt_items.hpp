#pragma once
// Imported prompts become items joined on the prompt itself: answers from different tools to
// the same prompt land on the same item, so their models can be compared. A prompt that is
// one of our built-in suite items (say, a promptfoo run of our math suite) joins that item, so
// our scorers and the humanity profile apply; any other prompt becomes an item of the suite
// "imported" whose id is "p-" + the first 12 hex digits of the SHA-256 of the prompt key.
#include <string>
#include <vector>

#include "core/types.hpp"
#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

// What the model was sent: system text and the conversation before the answer.
struct ImportedPrompt {
  std::string system;
  std::vector<Message> messages;
};

// A tool's prompt text: a JSON chat array ([{"role", "content"}...], as promptfoo and
// lm-eval's chat templates write it) becomes those messages, anything else one user message.
ImportedPrompt prompt_from_text(const std::string& text);

// A chat message list (JSON array of {"role", "content"}); content may be a string or a list
// of parts whose text parts are joined. System messages move to `system`.
// Returns false when `messages` is not such a list.
bool prompt_from_messages(const json& messages, ImportedPrompt& out);

// The join key: system and every turn with its role, whitespace normalised.
std::string prompt_key(const ImportedPrompt& prompt);

struct PromptItem {
  StoredItem item;
  bool builtin = false;  // a built-in suite item (scored by our scorers)
};

// The item for a prompt (see the file comment). Imported items carry `data` as given.
PromptItem item_for_prompt(const ImportedPrompt& prompt, const json& data);

}  // namespace ds::results
