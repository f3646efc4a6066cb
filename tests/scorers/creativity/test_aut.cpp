#include <doctest/doctest.h>

#include "scorers/creativity/aut.hpp"
#include "scorers/creativity/wordnet.hpp"

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

TEST_CASE("AUT originality is the semantic distance between the object and each use") {
  REQUIRE(wordnet_available());
  const auto near = aut_semantic_distance(parse_aut_answer("- build a wall\n- pave a path\n", "brick"), "brick");
  const auto far = aut_semantic_distance(parse_aut_answer("- grind into pigment\n- hold a grudge\n", "brick"), "brick");
  REQUIRE(near.mean);
  REQUIRE(far.mean);
  CHECK(near.per_idea.size() == 2);
  CHECK(*far.mean > *near.mean);  // pigment and grudge are further from a brick than wall and path
  CHECK(*near.mean >= 0);
  CHECK(*far.mean <= 1);
  // A use without a noun WordNet knows is counted, not scored.
  const auto none = aut_semantic_distance(parse_aut_answer("- xyzzy\n", "brick"), "brick");
  CHECK_FALSE(none.mean);
  CHECK(none.ideas_without_noun == 1);
}

TEST_CASE("same_idea is Jaccard at least one half") {
  CHECK(same_idea({"doorstop"}, {"doorstop", "heavy"}));
  CHECK_FALSE(same_idea({"doorstop"}, {"doorstop", "heavy", "wedge"}));
  CHECK_FALSE(same_idea({}, {}));
}
