#include <doctest/doctest.h>

#include "scorers/generic/generic_scorers.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;

TEST_CASE("the final answer follows the last Answer:, else it is the last line") {
  CHECK(final_answer("Let me think.\nAnswer: **Paris**.") == "paris");
  CHECK(final_answer("answer: 3\nno wait\nAnswer: 4") == "4");
  CHECK(final_answer("First line\n\n  \"Lyon\"  \n") == "lyon");
  CHECK(final_answer("") == "");
}

TEST_CASE("exact, regex, contains and choice give 1 or 0 and say what they compared") {
  const json exact = {{"answer", "Paris"}};
  CHECK(*score_exact(exact, "The capital is... Answer: Paris").value == 1.0);
  CHECK(*score_exact(exact, "Answer: Lyon").value == 0.0);
  CHECK(score_exact(exact, "Answer: Lyon").extracted == "lyon");

  const json regex = {{"pattern", "^[0-9]{3}$"}};
  CHECK(*score_regex(regex, "123").value == 1.0);
  CHECK(*score_regex(regex, "12a").value == 0.0);
  CHECK_FALSE(score_regex(json{{"pattern", "("}}, "x").value);  // a broken pattern: unscored
  // A long answer cannot exhaust the regex engine's stack.
  CHECK(score_regex(json{{"pattern", "(a|b)*c"}}, std::string(200000, 'a')).value);
  // The pattern is matched against the whole answer, never a prefix of it: an answer longer
  // than the 4,096 bytes a regex item reads scores 0 with the reason.
  const json digits = {{"pattern", "^[0-9]+$"}};
  const Score tail = score_regex(digits, std::string(5000, '7') + " and this is NOT a number");
  CHECK(*tail.value == 0.0);
  CHECK(tail.details["reason"].get<std::string>().find("longer than the 4096 bytes") != std::string::npos);
  CHECK(*score_regex(digits, std::string(4096, '7')).value == 1.0);
  CHECK(*score_regex(digits, std::string(4090, '7') + " no").value == 0.0);

  const json contains = {{"contains", {"alpha", "Beta"}}};
  CHECK(*score_contains(contains, "ALPHA and beta").value == 1.0);
  const Score missing = score_contains(contains, "alpha only");
  CHECK(*missing.value == 0.0);
  CHECK(missing.details["missing"][0] == "Beta");

  const json choice = {{"choices", {"yes", "no"}}, {"answer", "no"}};
  CHECK(*score_choice(choice, "I think not.\nChoice: no").value == 1.0);
  CHECK(*score_choice(choice, "Choice: yes").value == 0.0);
}

TEST_CASE("score_response picks the scorer by the item's kind") {
  const auto item = ds::tasks::parse_suite_item(
      json{{"id", "x"}, {"suite", "mine"}, {"kind", "contains"}, {"prompt", "p"}, {"contains", "ok"}}, "t");
  CHECK(*score_response(item, "it is ok", {}).value == 1.0);
  const auto unknown = ds::tasks::parse_suite_item(json{{"id", "y"}, {"suite", "mine"}, {"prompt", "p"}}, "t");
  const Score s = score_response(unknown, "text", {});
  CHECK_FALSE(s.value);
  CHECK(s.details["unscored"].get<std::string>().find("no known kind") != std::string::npos);
}
