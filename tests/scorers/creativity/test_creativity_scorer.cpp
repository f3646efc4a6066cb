#include <doctest/doctest.h>

#include "scorers/creativity/creativity_scorer.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;

TEST_CASE("creativity scores by task kind") {
  const auto dat = score_creativity(
      {{"task", "dat"}},
      "volcano\njustice\nspoon\nalgebra\nsock\nthunder\ndemocracy\ngiraffe\nvelvet\norbit");
  REQUIRE(dat.value);
  CHECK(*dat.value == doctest::Approx(dat.details["dat"].get<double>() / 100));
  CHECK(dat.extracted == "volcano,justice,spoon,algebra,sock,thunder,democracy");
  CHECK_FALSE(score_creativity({{"task", "dat"}}, "I'd rather not.").value);

  const auto constrained = score_creativity(
      {{"task", "constrained"}, {"constraints", {{"max_words", 3}, {"forbidden_letter", "e"}}}},
      "A long walk, again and again");
  CHECK(constrained.value == 0.5);

  const auto title = score_creativity({{"task", "title"}}, "The Map Before");
  CHECK_FALSE(title.value);
  CHECK(title.details["needs_judge"] == true);
}

TEST_CASE("every constraint of the built-in creativity suite is checkable") {
  for (const auto& item : load_suite("creativity").items) {
    if (item.data["task"] != "constrained") continue;
    CAPTURE(item.id);
    const auto s = score_creativity(item.data, "word");
    CHECK_FALSE(s.details["constraints"].contains("ignored"));
    CHECK(s.value.has_value());
  }
}
