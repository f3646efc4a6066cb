#include <doctest/doctest.h>

#include "results/importers/prompt_items.hpp"
#include "tasks/suite.hpp"

using namespace ds::results;

TEST_CASE("prompts join on their text with whitespace normalised, not on their form") {
  const auto a = item_for_prompt(prompt_from_text("What is 2 + 2?\n  Answer."), json::object());
  const auto b = item_for_prompt(
      prompt_from_text(R"([{"role": "user", "content": "What is 2 + 2? Answer."}])"), json::object());
  ImportedPrompt parts;
  REQUIRE(prompt_from_messages(
      json::parse(R"([{"role": "user", "content": [{"type": "text", "text": "What is 2 + 2? Answer."}]}])"), parts));
  const auto c = item_for_prompt(parts, json::object());
  CHECK(a.item.suite == "imported");
  CHECK(a.item.item_id.rfind("p-", 0) == 0);
  CHECK(a.item.item_id == b.item.item_id);
  CHECK(a.item.item_id == c.item.item_id);
  CHECK_FALSE(a.builtin);
  // A system prompt or another role makes another prompt.
  ImportedPrompt with_system = prompt_from_text("What is 2 + 2? Answer.");
  with_system.system = "Be brief.";
  CHECK(item_for_prompt(with_system, json::object()).item.item_id != a.item.item_id);
  ImportedPrompt moved;
  REQUIRE(prompt_from_messages(json::parse(R"([{"role": "system", "content": "Be brief."},
                                              {"role": "user", "content": "What is 2 + 2? Answer."}])"), moved));
  CHECK(item_for_prompt(moved, json::object()).item.item_id == item_for_prompt(with_system, json::object()).item.item_id);
}

TEST_CASE("a prompt of a built-in suite joins that suite's item, with its data for our scorers") {
  const Suite math = load_suite("math");
  const auto& item = math.items.front();
  const auto found = item_for_prompt(prompt_from_text(item.messages.back().content), json::object());
  CHECK(found.builtin);
  CHECK(found.item.suite == "math");
  CHECK(found.item.item_id == item.id);
  CHECK(found.item.data["answer"] == item.data["answer"]);
}

TEST_CASE("text that only looks like JSON stays one user message") {
  const auto p = prompt_from_text("[1, 2, 3] sorted is?");
  REQUIRE(p.messages.size() == 1);
  CHECK(p.messages[0].content == "[1, 2, 3] sorted is?");
}

TEST_CASE("a prompt of a million nested brackets stays text, read by the bounded JSON reader") {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  const auto p = prompt_from_text(deep);
  REQUIRE(p.messages.size() == 1);
  CHECK(p.messages[0].content.size() == deep.size());
}
