// Creativity scores that mean what they say, through the real `run` path: an endpoint that
// answers "The answer is 42." to every prompt scores (near) 0 with a reason for every answer,
// and a model's creativity score is the same alone in a store and beside five other models.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "harness/pipeline/summary.hpp"
#include "results/store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scripted_endpoint.hpp"

using namespace ds::test;

namespace {

double creativity_of(const std::string& db, const std::string& model) {
  ds::results::Store store(db);
  const auto summary = ds::harness::summarise_store(store);
  const auto* s = summary.models.at(model).suite("creativity");
  REQUIRE(s);
  REQUIRE(s->score.interval);
  return s->score.interval->mean;
}

}  // namespace

TEST_CASE("an endpoint answering 'The answer is 42.' to every creativity prompt scores 0, each answer with its reason") {
  ScriptedEndpoint server([](const std::string&) {
    return ScriptedReply{200, completion_body("The answer is 42.\n\nAnswer: 42")};
  });
  TempDir dir;
  const std::string db = dir.file("r.db");
  const auto run = run_distillscope({"run", "--model", "openai:forty-two@" + server.base_url(), "--suite",
                                     "creativity", "--db", db, "--no-cache", "--no-progress"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  ds::results::Store store(db);
  std::map<int64_t, ds::results::StoredScore> by_response;
  for (const auto& s : store.scores()) by_response[s.response_id] = s;
  const auto responses = store.responses({});
  CHECK(responses.size() == 62);
  size_t zero = 0;
  for (const auto& r : responses) {
    CAPTURE(r.item_id);
    REQUIRE(by_response.count(r.id) == 1);
    const auto& s = by_response[r.id];
    REQUIRE(s.value);  // every item scored: no judge needed to see an answer is off topic
    CHECK(*s.value == 0.0);
    CHECK(s.details.contains("zero"));  // with the reason
    zero += *s.value == 0.0;
  }
  CHECK(zero == responses.size());
  const double score = creativity_of(db, "forty-two");
  MESSAGE("creativity of the 42 endpoint: " << score);
  CHECK(score <= 0.05);
}

TEST_CASE("sim-teacher's creativity score is the same alone and beside five other models") {
  ServeProcess server({"--simulate"});
  TempDir dir;
  auto run = [&](const std::string& db, const std::vector<std::string>& models) {
    std::vector<std::string> args = {"run", "--suite", "creativity", "--samples", "4", "--seed", "1",
                                     "--db", db, "--no-cache", "--no-progress"};
    for (const auto& m : models) {
      args.push_back("--model");
      args.push_back("openai:" + m + "@" + server.base_url());
    }
    const auto result = run_distillscope(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  };
  const std::string alone = dir.file("alone.db"), crowd = dir.file("crowd.db");
  run(alone, {"sim-teacher"});
  run(crowd, {"sim-teacher", "sim-student", "sim-mixed", "sim-independent-a", "sim-independent-b",
              "sim-independent-c"});
  const double a = creativity_of(alone, "sim-teacher"), c = creativity_of(crowd, "sim-teacher");
  MESSAGE("sim-teacher creativity alone " << a << ", beside five models " << c);
  CHECK(std::abs(a - c) <= 0.01);
}
