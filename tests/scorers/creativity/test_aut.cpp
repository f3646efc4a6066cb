#include <doctest/doctest.h>

#include "scorers/creativity/aut.hpp"

using namespace ds::scorers;

TEST_CASE("AUT parses uses, merges repeated ideas and measures elaboration") {
  const auto a = parse_aut_answer(
      "Here are some uses for a brick:\n1. Doorstop\n2. Use it as a doorstop\n"
      "3. Paperweight for loose papers\n4. Grind bricks into pigment for paint\n",
      "a brick");
  CHECK(a.uses.size() == 4);
  CHECK(a.fluency == 3);  // the two doorstops are one idea
  CHECK(a.elaboration == doctest::Approx((1 + 5 + 4 + 6) / 4.0));
  CHECK(a.ideas[0] == IdeaKey{"doorstop"});
  CHECK(a.ideas[2] == IdeaKey{"grind", "pigment", "paint"});
}

TEST_CASE("AUT originality: rare ideas across all answers score 1 or 2 per idea") {
  // 120 answers: everyone says doorstop; 3 also say paperweight (2.5% → 1 point);
  // one says "pigment" (0.83% → 2 points).
  std::vector<AutAnswer> answers;
  for (int i = 0; i < 120; ++i) {
    std::string text = "- doorstop\n";
    if (i < 3) text += "- paperweight\n";
    if (i == 0) text += "- grind into red pigment\n";
    answers.push_back(parse_aut_answer(text, "brick"));
  }
  const auto o = aut_originality(answers);
  CHECK(o[0].points == 3);
  CHECK(o[0].originality == doctest::Approx(1.0));  // 3 points / 3 ideas
  CHECK(o[1].points == 1);
  CHECK(o[1].originality == doctest::Approx(0.5));
  CHECK(o[50].points == 0);
  CHECK(o[50].originality == 0);
}

TEST_CASE("same_idea is Jaccard at least one half") {
  CHECK(same_idea({"doorstop"}, {"doorstop", "heavy"}));
  CHECK_FALSE(same_idea({"doorstop"}, {"doorstop", "heavy", "wedge"}));
  CHECK_FALSE(same_idea({}, {}));
}
