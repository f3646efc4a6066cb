#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "harness/server/replay_backend.hpp"
#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

using namespace ds::harness;
using namespace ds::harness::server;

namespace {

void write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

ChatQuery query(const std::string& model, std::vector<Message> messages, const std::string& system = "") {
  ChatQuery q;
  q.model = model;
  q.messages = std::move(messages);
  q.system = system;
  return q;
}

std::string load_error(const std::string& dir) {
  try {
    ReplayBackend r(dir);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("our transcript JSONL: one model per file, matched on the conversation with whitespace normalised") {
  ds::test::TempDir dir;
  write(dir.file("alpha.jsonl"),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is  2+2?\"}],\"text\":\"4\"}\n"
        "\n"
        "{\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"text\":\"Hello.\"}\n"
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"},{\"role\":\"assistant\",\"content\":\"4\"},"
        "{\"role\":\"user\",\"content\":\"And 3+3?\"}],\"text\":\"6\"}\n");
  write(dir.file("beta.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}],\"text\":\"four\"}\n");
  ReplayBackend r(dir.path());
  CHECK(r.model_names() == std::vector<std::string>{"alpha", "beta"});
  CHECK(!r.simulated());
  CHECK(r.answer(query("alpha", {{"user", " What is 2+2?\n"}}), 0) == "4");
  CHECK(r.answer(query("beta", {{"user", "What is 2+2?"}}), 0) == "four");
  CHECK(r.answer(query("alpha", {{"user", "Hi"}}, "Be brief."), 0) == "Hello.");
  CHECK(r.answer(query("alpha", {{"user", "What is 2+2?"}, {"assistant", "4"}, {"user", "And 3+3?"}}), 0) == "6");
  // The user turns alone match too, whatever the assistant said in between.
  CHECK(r.answer(query("alpha", {{"user", "What is 2+2?"}, {"assistant", "five"}, {"user", "And 3+3?"}}), 0) == "6");
  CHECK_FALSE(r.answer(query("alpha", {{"user", "What is 5+5?"}}), 0));
  CHECK_FALSE(r.answer(query("gamma", {{"user", "What is 2+2?"}}), 0));
}

TEST_CASE("MT-bench layout: turn 2 matches question turns 1..2") {
  ds::test::TempDir dir;
  write(dir.file("question.jsonl"),
        "{\"question_id\": 81, \"category\": \"writing\", \"turns\": [\"Write a poem.\", \"Now shorter.\"]}\n");
  write(dir.file("model_answer/m1.jsonl"),
        "{\"question_id\": 81, \"model_id\": \"m-one\", \"choices\": [{\"index\": 0, \"turns\": [\"Roses.\", \"Rose.\"]}]}\n");
  ReplayBackend r(dir.path());
  CHECK(r.model_names() == std::vector<std::string>{"m1"});
  CHECK(r.answer(query("m1", {{"user", "Write a poem."}}), 0) == "Roses.");
  CHECK(r.answer(query("m1", {{"user", "Write a poem."}, {"assistant", "Roses."}, {"user", "Now shorter."}}), 0) == "Rose.");
  CHECK(r.answer(query("m1", {{"user", "Write a poem."}, {"assistant", "Tulips."}, {"user", "Now shorter."}}), 0) == "Rose.");
}

TEST_CASE("the shared MT-bench development set loads as one model per answer file") {
  const std::string mt = ds::test::mtbench_dir();
  if (mt.empty()) {
    ds::test::skip("../shared/data/mtbench is absent; the development-set check needs it");
    return;
  }
  ReplayBackend r(mt);
  CHECK(r.model_names().size() >= 10);
  CHECK(r.has_model("gpt-4"));
  CHECK(r.answer_count("gpt-4") >= 150);
}

TEST_CASE("malformed transcripts are InputErrors naming file:line and the field") {
  ds::test::TempDir dir;
  write(dir.file("bad.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"text\":\"y\"}\n{\"messages\":[]}\n");
  const std::string e1 = load_error(dir.path());
  CHECK(e1.find("bad.jsonl:2") != std::string::npos);
  CHECK(e1.find("messages") != std::string::npos);

  ds::test::TempDir d2;
  write(d2.file("bad.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n");
  const std::string e2 = load_error(d2.path());
  CHECK(e2.find("bad.jsonl:1") != std::string::npos);
  CHECK(e2.find("'text'") != std::string::npos);

  ds::test::TempDir d3;
  write(d3.file("bad.jsonl"), "{\"messages\": [\n");
  CHECK(load_error(d3.path()).find("bad.jsonl:1") != std::string::npos);

  ds::test::TempDir d4;
  write(d4.file("question.jsonl"), "{\"question_id\": 1, \"turns\": [\"a\"]}\n");
  write(d4.file("model_answer/m.jsonl"), "{\"question_id\": 1, \"choices\": [{\"turns\": [\"x\"]}]}\n{\"question_id\": 2, \"choices\": [{\"turns\": [\"x\"]}]}\n");
  const std::string e4 = load_error(d4.path());
  CHECK(e4.find("m.jsonl:2") != std::string::npos);
  CHECK(e4.find("question_id") != std::string::npos);

  ds::test::TempDir empty;
  CHECK(load_error(empty.path()).find("no transcripts") != std::string::npos);
}
