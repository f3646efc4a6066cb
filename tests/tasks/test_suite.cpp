#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/errors.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"

using namespace ds::tasks;

namespace {

std::string write(const ds::test::TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}

std::string load_error(const std::string& path) {
  try {
    load_suite(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("loader reads prompt and messages items and hashes the file") {
  ds::test::TempDir dir;
  const std::string path = write(
      dir, "mine.jsonl",
      R"({"id":"a","suite":"mine","prompt":"hi","system":"be brief"})"
      "\n\n"
      R"({"id":"b","suite":"mine","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"r"},{"role":"user","content":"s"}]})"
      "\n");
  const Suite suite = load_suite(path);
  CHECK(suite.name == "mine");
  REQUIRE(suite.items.size() == 2);
  CHECK(suite.items[0].system == "be brief");
  CHECK(suite.items[0].messages.size() == 1);
  CHECK(suite.items[1].messages.size() == 3);
  CHECK(suite.sha256.size() == 64);
}

TEST_CASE("loader names file:line and the field for malformed items") {
  ds::test::TempDir dir;
  CHECK(load_error(write(dir, "a.jsonl", "{\"id\":\"a\",\"suite\":\"s\",\"prompt\":\"p\"}\n{oops\n"))
            .find("a.jsonl:2") != std::string::npos);
  const std::string no_prompt = load_error(write(dir, "b.jsonl", "{\"id\":\"x\",\"suite\":\"s\"}\n"));
  CHECK(no_prompt.find("b.jsonl:1") != std::string::npos);
  CHECK(no_prompt.find("prompt") != std::string::npos);
  const std::string dup = load_error(write(
      dir, "c.jsonl", "{\"id\":\"x\",\"suite\":\"s\",\"prompt\":\"p\"}\n{\"id\":\"x\",\"suite\":\"s\",\"prompt\":\"q\"}\n"));
  CHECK(dup.find("c.jsonl:2") != std::string::npos);
  CHECK(dup.find("duplicate") != std::string::npos);
  CHECK(load_error(write(dir, "d.jsonl", "")).find("no items") != std::string::npos);
  CHECK(load_error(dir.file("missing.jsonl")).find("unknown suite") != std::string::npos);
}

TEST_CASE("every built-in suite named in the manifest loads by name") {
  const auto names = builtin_suite_names();
  CHECK(names.size() == 5);
  for (const auto& name : names) {
    const Suite suite = load_suite(name);
    CHECK(suite.name == name);
    CHECK(suite.version == (name == "probes" ? "1.1.0" : "1.0.0"));
    CHECK_FALSE(suite.items.empty());
    for (const auto& item : suite.items) CHECK(item.suite == name);
  }
}

TEST_CASE("a later turn is sent with the model's own earlier answers after each user turn but the last") {
  SuiteItem item;
  item.messages = {{"user", "u1"}, {"user", "u2"}, {"user", "u3"}};
  item.earlier_turns = {"q.t1", "q.t2"};
  const auto sent = conversation_with_answers(item, {"a1", "a2"});
  REQUIRE(sent.size() == 5);
  CHECK(sent[1].role == "assistant");
  CHECK(sent[1].content == "a1");
  CHECK(sent[3].content == "a2");
  CHECK(sent[4].content == "u3");
}
