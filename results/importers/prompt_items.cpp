#include "results/importers/prompt_items.hpp"

#include <map>
#include <mutex>

#include "core/conversation_key.hpp"
#include "core/json_bounded.hpp"
#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "results/stored_item.hpp"
#include "tasks/suite.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

// Built-in suite items by prompt key, loaded once.
const std::map<std::string, StoredItem>& builtin_items() {
  static std::map<std::string, StoredItem> index;
  static std::once_flag once;
  std::call_once(once, [] {
    try {
      for (const auto& name : builtin_suite_names()) {
        const Suite suite = load_suite(name);
        for (const auto& item : suite.items)
          index.emplace(prompt_key({item.system, item.messages}), stored_item(suite, item));
      }
    } catch (const InputError&) {
      // No built-in suites where this binary runs: every prompt becomes an imported item.
      index.clear();
    }
  });
  return index;
}

// Text of a message's content: a string, or the text parts of a list of parts.
bool content_text(const json& content, std::string& out) {
  if (content.is_string()) {
    out = content.get<std::string>();
    return true;
  }
  if (!content.is_array()) return false;
  out.clear();
  for (const auto& part : content) {
    if (part.is_string()) {
      out += part.get<std::string>();
    } else if (part.is_object() && part.value("type", std::string("text")) == "text" &&
               part.contains("text") && part["text"].is_string()) {
      out += part["text"].get<std::string>();
    }
  }
  return true;
}

}  // namespace

bool prompt_from_messages(const json& messages, ImportedPrompt& out) {
  if (!messages.is_array() || messages.empty()) return false;
  ImportedPrompt p;
  for (const auto& m : messages) {
    if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content"))
      return false;
    std::string text;
    if (!content_text(m["content"], text)) return false;
    const std::string role = m["role"].get<std::string>();
    if (role == "system" || role == "developer") {
      p.system += (p.system.empty() ? "" : "\n") + text;
    } else {
      p.messages.push_back({role, text});
    }
  }
  out = std::move(p);
  return true;
}

ImportedPrompt prompt_from_text(const std::string& text) {
  ImportedPrompt p;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    // Bounded: the prompt is outside text, and a deep nest would overflow a recursive walk.
    const auto parsed = try_parse_json(text, json_limits::kImport);
    if (parsed.ok() && prompt_from_messages(parsed.value, p)) return p;
  }
  p.messages.push_back({"user", text});
  return p;
}

std::string prompt_key(const ImportedPrompt& prompt) {
  return full_conversation_key(prompt.system, prompt.messages);
}

PromptItem item_for_prompt(const ImportedPrompt& prompt, const json& data) {
  const std::string key = prompt_key(prompt);
  const auto& builtin = builtin_items();
  if (const auto it = builtin.find(key); it != builtin.end()) return {it->second, true};
  PromptItem out;
  out.item.suite = "imported";
  out.item.item_id = "p-" + sha256_hex(key).substr(0, 12);
  out.item.system = prompt.system;
  for (const auto& m : prompt.messages)
    out.item.messages.push_back({{"role", m.role}, {"content", m.content}});
  out.item.data = data.is_object() ? data : json::object();
  if (!out.item.data.contains("category")) out.item.data["category"] = "";
  return out;
}

}  // namespace ds::results
