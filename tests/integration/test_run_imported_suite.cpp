// An imported benchmark as a suite, end to end over real HTTP: a small MT-bench folder
// (questions and two published models' answers) is imported as laid out, `run --suite mtbench`
// sends its prompts to `serve --simulate`, and every new answer joins the published ones item
// for item; turn 2 carries the same model's own turn-1 answer. Also: a file given the wrong
// format is exit 2 naming file, line and field, and `run --logprobs` keeps log-probabilities.
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/json.hpp"
#include "results/store.hpp"
#include "tests/support/process.hpp"

using ds::core::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kQuestions = {
    {"Write a haiku about autumn rain.", "Now rewrite it so every line starts with the letter S."},
    {"Explain what a hash table is to a new programmer.", "Give one situation where a hash table is a poor choice."},
    {"Plan a three-day trip to Lisbon.", "Shorten the plan to a single day."}};

// DIR/question.jsonl and DIR/model_answer/{pub-a,pub-b}.jsonl, as FastChat lays them out.
std::string write_mtbench_folder(const ds::test::TempDir& tmp) {
  const std::string dir = tmp.file("mt_bench");
  std::filesystem::create_directories(dir + "/model_answer");
  std::ofstream questions(dir + "/question.jsonl");
  for (size_t q = 0; q < kQuestions.size(); ++q)
    questions << json{{"question_id", 81 + q}, {"category", "writing"},
                      {"turns", {kQuestions[q].first, kQuestions[q].second}}}.dump() << "\n";
  for (const std::string model : {"pub-a", "pub-b"}) {
    std::ofstream answers(dir + "/model_answer/" + model + ".jsonl");
    for (size_t q = 0; q < kQuestions.size(); ++q)
      answers << json{{"question_id", 81 + q}, {"model_id", model},
                      {"choices", {{{"index", 0}, {"turns", {model + " answer one " + std::to_string(q),
                                                             model + " answer two " + std::to_string(q)}}}}}}
                     .dump()
              << "\n";
  }
  return dir;
}

// The simulated model's greedy answer to a conversation, asked directly.
std::string ask(const ds::test::ServeProcess& serve, const std::string& model, const json& messages) {
  httplib::Client client("127.0.0.1", serve.port());
  const json body = {{"model", model}, {"messages", messages}, {"temperature", 0}};
  auto res = client.Post("/v1/chat/completions", body.dump(), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json::parse(res->body)["choices"][0]["message"]["content"].get<std::string>();
}

std::string stored_text(ds::results::Store& store, const std::string& model, const std::string& item) {
  const auto text = store.answer_text(model, "mtbench", item, 0);
  REQUIRE_MESSAGE(text, model << " has no answer to " << item);
  return *text;
}

}  // namespace

TEST_CASE("run --suite mtbench joins the published answers and sends turn 2 with the model's own turn 1") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("public.db");
  const std::string folder = write_mtbench_folder(tmp);
  const auto imported = ds::test::run_distillscope({"import", "--format", "mtbench", folder, "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  CHECK(imported.out.find("imported 2 file(s): 2 model(s), 12 responses") != std::string::npos);

  ds::test::ServeProcess serve({"--simulate"});
  // Two unrelated simulated models: their turn-1 answers differ.
  const std::vector<std::string> models = {"sim-independent-a", "sim-independent-b"};
  const auto run = ds::test::run_distillscope({"run", "--model", "openai:sim-independent-a@" + serve.base_url(), "--model",
                                               "openai:sim-independent-b@" + serve.base_url(), "--suite", "mtbench",
                                               "--temperature", "0", "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.find("12 requests planned, 12 answered") != std::string::npos);
  CHECK(run.err.find("6 of the requests were later turns") != std::string::npos);

  ds::results::Store store(db, /*read_only=*/true);
  // Every item joined: the same six items, each answered once by each of the four models.
  CHECK(store.items("mtbench").size() == 6);
  std::map<std::pair<std::string, std::string>, int> answers;
  for (const auto& r : store.responses({.suite = "mtbench", .ok_only = false})) ++answers[{r.model, r.item_id}];
  CHECK(answers.size() == 24);
  for (const auto& [key, count] : answers) CHECK_MESSAGE(count == 1, key.first << " " << key.second);

  // Turn 2 of each question is what the model says after its own turn-1 answer, not after
  // the other model's (the simulated answer is a function of the whole conversation).
  for (size_t q = 0; q < kQuestions.size(); ++q) {
    const std::string t1 = std::to_string(81 + q) + ".t1", t2 = std::to_string(81 + q) + ".t2";
    for (size_t m = 0; m < models.size(); ++m) {
      const std::string own = stored_text(store, models[m], t1);
      const std::string other = stored_text(store, models[1 - m], t1);
      REQUIRE(own != other);
      const auto conversation = [&](const std::string& first_answer) {
        return json::array({{{"role", "user"}, {"content", kQuestions[q].first}},
                            {{"role", "assistant"}, {"content", first_answer}},
                            {{"role", "user"}, {"content", kQuestions[q].second}}});
      };
      const std::string sent = stored_text(store, models[m], t2);
      INFO(models[m], " ", t2);
      CHECK(sent == ask(serve, models[m], conversation(own)));
      CHECK(sent != ask(serve, models[m], conversation(other)));
    }
  }

  // A second run has nothing left to send; the store still holds one answer per model and item.
  const auto again = ds::test::run_distillscope({"run", "--model", "openai:sim-independent-a@" + serve.base_url(), "--suite",
                                                 "mtbench", "--temperature", "0", "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  CHECK(again.err.find("0 requests planned") != std::string::npos);
  CHECK(ds::results::Store(db, true).responses({.suite = "mtbench", .ok_only = false}).size() == 24);
}

TEST_CASE("run --suite with --limit keeps whole conversations, and a resumed turn 2 uses the stored turn 1") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("public.db");
  REQUIRE(ds::test::run_distillscope({"import", "--format", "mtbench", write_mtbench_folder(tmp) + "/model_answer",
                                      "--db", db, "--no-progress"})
              .exit_code == 0);
  ds::test::ServeProcess serve({"--simulate"});
  const std::string spec = "openai:sim-student@" + serve.base_url();
  const auto first = ds::test::run_distillscope(
      {"run", "--model", spec, "--suite", "mtbench", "--limit", "3", "--temperature", "0", "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  ds::results::Store store(db, true);
  CHECK(store.answer_text("sim-student", "mtbench", "81.t1", 0));
  CHECK(store.answer_text("sim-student", "mtbench", "81.t2", 0));
  CHECK(store.answer_text("sim-student", "mtbench", "82.t1", 0));
  CHECK_FALSE(store.answer_text("sim-student", "mtbench", "82.t2", 0));
  // The rest: 82.t2 goes out with the turn-1 answer the first run stored.
  const auto rest = ds::test::run_distillscope(
      {"run", "--model", spec, "--suite", "mtbench", "--temperature", "0", "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(rest.exit_code == 0, rest.err);
  CHECK(rest.err.find("3 requests planned") != std::string::npos);
  const std::string t1 = *store.answer_text("sim-student", "mtbench", "82.t1", 0);
  CHECK(*store.answer_text("sim-student", "mtbench", "82.t2", 0) ==
        ask(serve, "sim-student",
            json::array({{{"role", "user"}, {"content", kQuestions[1].first}},
                         {{"role", "assistant"}, {"content", t1}},
                         {{"role", "user"}, {"content", kQuestions[1].second}}})));
}

TEST_CASE("an unknown suite names the imported suites of the store") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("public.db");
  REQUIRE(ds::test::run_distillscope({"import", "--format", "mtbench", write_mtbench_folder(tmp), "--db", db,
                                      "--no-progress"})
              .exit_code == 0);
  const auto r = ds::test::run_distillscope(
      {"run", "--model", "openai:x@http://127.0.0.1:9/v1", "--suite", "arenahard", "--db", db, "--no-progress"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown suite 'arenahard'") != std::string::npos);
  CHECK(r.err.find("imported: mtbench") != std::string::npos);
}

TEST_CASE("an MT-bench file imported as arenahard is exit 2 naming file, line and field; nothing is stored") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("public.db");
  const std::string folder = write_mtbench_folder(tmp);
  const auto r = ds::test::run_distillscope({"import", "--format", "arenahard", folder, "--db", db, "--no-progress"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("model_answer/pub-a.jsonl:1: field 'choices[0].turns[0]' is a string") != std::string::npos);
  CHECK(r.err.find("--format mtbench") != std::string::npos);
  CHECK(ds::results::Store(db, true).responses({.ok_only = false}).empty());
}

TEST_CASE("run --logprobs keeps each answer's token log-probabilities in --jsonl and report --format json") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("r.db"), jsonl = tmp.file("out.jsonl");
  std::ofstream(tmp.file("s.jsonl")) << json{{"id", "s-1"}, {"suite", "s"}, {"prompt", "Name three rivers."}}.dump() << "\n"
                                     << json{{"id", "s-2"}, {"suite", "s"}, {"prompt", "Name two lakes."}}.dump() << "\n";
  ds::test::ServeProcess serve({"--simulate"});
  const auto run = ds::test::run_distillscope({"run", "--model", "openai:sim-teacher@" + serve.base_url(), "--suite",
                                               tmp.file("s.jsonl"), "--logprobs", "--top-logprobs", "3", "--jsonl",
                                               jsonl, "--db", db, "--no-progress"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  std::ifstream in(jsonl);
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    const json r = json::parse(line);
    REQUIRE(r.contains("logprobs"));
    const json& lp = r["logprobs"];
    REQUIRE(lp["tokens"].size() > 0);
    CHECK(lp["logprobs"].size() == lp["tokens"].size());
    REQUIRE(lp["top"].size() == lp["tokens"].size());
    CHECK(lp["top"][0].size() == 3);
    CHECK(lp["logprobs"][0].get<double>() <= 0.0);
  }
  CHECK(lines == 2);
  const auto report = ds::test::run_distillscope({"report", "--db", db, "--format", "json"});
  REQUIRE_MESSAGE(report.exit_code == 0, report.err);
  CHECK(report.out.find("\"logprobs\"") != std::string::npos);
}
