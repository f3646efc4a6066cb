#include <doctest/doctest.h>

#include "scorers/judge/judge.hpp"

using namespace ds::scorers;

TEST_CASE("judge scores are parsed from the usual formats and normalised") {
  CHECK(parse_judge_score("Good imagery.\nScore: 7/10") == doctest::Approx(0.7));
  CHECK(parse_judge_score("Rating: 4 out of 5") == doctest::Approx(0.8));
  CHECK(parse_judge_score("Verdict: [[8]]") == doctest::Approx(0.8));
  CHECK(parse_judge_score("**Score:** 9") == doctest::Approx(0.9));
  CHECK(parse_judge_score("Scale is 1/10 to 10/10. I'd say 6/10.") == doctest::Approx(0.6));
  // An explicit "Score:" outranks a stray fraction in the reasoning.
  CHECK(parse_judge_score("Score: 8/10. It covers 3/4 of the objections.") ==
        doctest::Approx(0.8));
  CHECK(parse_judge_score("The first draft deserved Score: 3/10, the revision Score: 6/10") ==
        doctest::Approx(0.6));
  CHECK_FALSE(parse_judge_score("Score: 12/10"));
  CHECK_FALSE(parse_judge_score("I cannot evaluate this."));
  CHECK_FALSE(parse_judge_score(""));
}

TEST_CASE("judge requests carry the rubric, the task and the response") {
  SuiteItem item;
  item.id = "phil-free-1";
  item.suite = "philosophy";
  item.kind = SuiteKind::philosophy;
  item.messages = {{"user", "Is it permissible to lie to a murderer at the door?"}};
  item.data = {{"kind", "free"}, {"rubric", "Reward engagement with Kant."}};
  CHECK(judge_kind(item) == "philosophy.free");
  const Request r = build_judge_request(item, "Yes, because ...");
  CHECK(r.system.find("quality of reasoning") != std::string::npos);
  CHECK(r.system.find("Reward engagement with Kant.") != std::string::npos);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].content.find("murderer at the door") != std::string::npos);
  CHECK(r.messages[0].content.find("Yes, because ...") != std::string::npos);
  CHECK(r.params.temperature == 0.0);

  SuiteItem title{.id = "t", .suite = "creativity", .kind = SuiteKind::creativity, .data = {{"task", "title"}}};
  CHECK(judge_kind(title) == "creativity.title");
  SuiteItem dat{.id = "d", .suite = "creativity", .kind = SuiteKind::creativity, .data = {{"task", "dat"}}};
  CHECK(judge_kind(dat) == "");
}

TEST_CASE("judge replies of any length are read without std::regex") {
  CHECK_FALSE(parse_judge_score("Score: " + std::string(30'000, '9')));  // +inf out of 10
  CHECK(parse_judge_score(std::string(1'000'000, ' ') + "Score: 7/10") == doctest::Approx(0.7));
  CHECK(parse_judge_score("7 out" + std::string(100'000, ' ') + "of 10") == doctest::Approx(0.7));
  CHECK(parse_judge_score("[[ 9 ]]") == doctest::Approx(0.9));
  CHECK(parse_judge_score("rating=_ 3 OUT OF 5") == doctest::Approx(0.6));
  CHECK(parse_judge_score("70/100 overall") == doctest::Approx(0.7));
  CHECK_FALSE(parse_judge_score("70/1000"));  // no such scale
  CHECK(parse_judge_score("1.5.6/10") == doctest::Approx(0.56));
}

TEST_CASE("a reply without a usable score says why, and the follow-up carries it") {
  CHECK(read_judge_reply("Nice.").problem == "the reply contains no score");
  CHECK(read_judge_reply("").problem == "the reply is empty");
  CHECK(read_judge_reply("Score: 12/10").problem.find("outside its scale") != std::string::npos);
  CHECK(read_judge_reply("Score: 3/10").problem.empty());

  Request first;
  first.system = "judge";
  first.messages = {{"user", "the task and the answer"}};
  first.params.temperature = 0.0;
  const Request again = judge_retry_request(first, "Nice.", "the reply contains no score");
  CHECK(again.system == "judge");
  REQUIRE(again.messages.size() == 3);
  CHECK(again.messages[1].role == "assistant");
  CHECK(again.messages[1].content == "Nice.");
  CHECK(again.messages[2].role == "user");
  CHECK(again.messages[2].content.find("the reply contains no score") != std::string::npos);
  CHECK(again.messages[2].content.find("Score: N/10") != std::string::npos);
  CHECK(again.params.temperature == 0.0);
}
