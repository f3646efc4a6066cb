// The judge batch: every judge request of a run through one runner, a reply without a score
// asked again once with what was wrong. Unit cases against the in-process fake endpoint
// (which echoes the last message), the real thing against `distillscope serve --simulate`.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "harness/pipeline/judge_batch.hpp"
#include "scorers/judge/judge.hpp"
#include "tests/harness/runner/fake_endpoint.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

Request asking(const std::string& text) {
  Request r;
  r.system = "You are an impartial evaluator. End with \"Score: N/10\".";
  r.messages = {{"user", text}};
  r.params.temperature = 0.0;
  return r;
}

RunnerOptions quiet_options() {
  RunnerOptions o;
  o.progress = false;
  o.max_retries = 1;
  o.backoff_base_seconds = 0.01;
  return o;
}

}  // namespace

TEST_CASE("a reply without a score is asked again once, in the same run, with the reason") {
  ds::test::FakeEndpoint endpoint([](const std::string& prompt, int) {
    return prompt == "refuse" ? ds::test::Fault::Unauthorized : ds::test::Fault::None;
  });
  const ModelSpec judge = parse_model_spec("openai:judge@" + endpoint.base_url());
  // The fake endpoint echoes the last message: the first carries a score, the second none
  // (and the follow-up's instruction has no number either), the third fails.
  const std::vector<Request> requests = {asking("fine work. Score: 7/10"), asking("no number here"),
                                         asking("refuse")};
  JudgeBatchStats stats;
  const auto verdicts = run_judge_batch(judge, requests, quiet_options(), &stats);
  REQUIRE(verdicts.size() == 3);

  CHECK(verdicts[0].value == doctest::Approx(0.7));
  CHECK(verdicts[0].replies == 1);

  CHECK_FALSE(verdicts[1].value);
  CHECK(verdicts[1].replies == 2);
  CHECK(verdicts[1].unscored.find("also when asked again") != std::string::npos);

  CHECK_FALSE(verdicts[2].value);
  CHECK(verdicts[2].replies == 0);
  CHECK(verdicts[2].unscored.find("the judge call failed: HTTP 401") != std::string::npos);

  // Four requests in all; the follow-up carried the judge's reply and the problem.
  CHECK(stats.asked_again == 1);
  CHECK(stats.runner.requests_sent == 4);
  const auto arrivals = endpoint.arrivals();
  REQUIRE(arrivals.size() == 4);
  bool follow_up_seen = false;
  for (const auto& a : arrivals)
    if (a.prompt.find("could not be read: the reply contains no score") != std::string::npos) follow_up_seen = true;
  CHECK(follow_up_seen);
}

TEST_CASE("judging through `distillscope serve --simulate`: every answer scored, forgetful replies asked again") {
  ds::test::ServeProcess server({"--simulate"});
  const ModelSpec judge = parse_model_spec("openai:sim-teacher@" + server.base_url());
  std::vector<Request> requests;
  for (int i = 0; i < 60; ++i)
    requests.push_back(asking(fmt::format("## The task\nName a colour.\n## The model's response\nColour {}.", i)));
  RunnerOptions options = quiet_options();
  options.concurrency = 16;
  JudgeBatchStats stats;
  const auto verdicts = run_judge_batch(judge, requests, options, &stats);
  REQUIRE(verdicts.size() == requests.size());
  size_t asked_again = 0;
  for (const auto& v : verdicts) {
    CHECK_MESSAGE(v.value.has_value(), v.unscored);
    CHECK(v.text.find("Score: ") != std::string::npos);
    if (v.replies == 2) ++asked_again;
  }
  // The simulated judge forgets the score line in about one first reply in five.
  CHECK(asked_again > 0);
  CHECK(asked_again == stats.asked_again);
  CHECK(stats.runner.requests_sent == requests.size() + asked_again);
  CHECK(stats.runner.failed == 0);
}

TEST_CASE("a stopped judge batch reports every request as not asked, so the next run asks again") {
  ds::test::FakeEndpoint endpoint([](const std::string&, int) { return ds::test::Fault::None; });
  const ModelSpec judge = parse_model_spec("openai:judge@" + endpoint.base_url());
  const std::vector<Request> requests = {asking("Score: 3/10"), asking("Score: 9/10")};
  Runner runner(quiet_options());
  runner.request_stop();  // as an interrupt does before the judging phase
  std::vector<size_t> reported;
  const JudgeBatchStats stats = run_judge_batch(runner, judge, requests, [&](size_t index, JudgeVerdict&& v) {
    reported.push_back(index);
    CHECK_FALSE(v.value);
    CHECK(v.unscored == "the judge call was not made (the run was interrupted)");
  });
  CHECK(reported.size() == 2);
  CHECK(stats.runner.requests_sent == 0);
  CHECK(stats.runner.interrupted == 2);
  CHECK(endpoint.arrivals().empty());
}
