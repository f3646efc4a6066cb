#include <doctest/doctest.h>

#include "scorers/creativity/constraints.hpp"
#include "scorers/creativity/diversity.hpp"

using namespace ds::scorers;

TEST_CASE("rhyme heuristic") {
  CHECK(words_rhyme("night", "light"));
  CHECK(words_rhyme("make", "Take!"));
  CHECK(words_rhyme("day", "away"));
  CHECK(words_rhyme("love", "dove"));
  CHECK_FALSE(words_rhyme("cat", "dog"));
  CHECK_FALSE(words_rhyme("tree", "house"));
}

TEST_CASE("constraint checks and their fraction") {
  const std::string poem =
      "Here is my poem:\n"
      "The cat sat on a mat at night,\n"
      "and dreamt of birds in flight.\n"
      "It woke at dawn to see the sun,\n"
      "and knew the day had just begun.\n";
  const json c = {{"lines", 4}, {"rhyme_scheme", "AABB"}, {"max_words", 40},
                  {"min_words", 30}, {"forbidden_letter", "z"},
                  {"required_words", {"cat", "bird", "moon"}}};
  const json r = check_constraints(poem, c);
  CHECK(r["total"] == 8);
  CHECK(r["passed"] == 6);  // min_words (29 < 30) and "moon" fail
  for (const auto& ch : r["checks"]) {
    CAPTURE(ch.dump());
    const std::string name = ch["name"];
    const bool expect_fail = name == "min_words" || name == "required_word:moon";
    CHECK(ch["passed"].get<bool>() == !expect_fail);
  }
  const json bad = check_constraints("Lazy zebras\nzigzag\n", {{"forbidden_letter", "Z"},
                                                               {"rhyme_scheme", "AA"},
                                                               {"sparkle", true}});
  CHECK(bad["passed"] == 0);
  CHECK(bad["ignored"] == json::array({"sparkle"}));
}

TEST_CASE("forbidden words and acrostics") {
  const json r = check_constraints("**Rain** on roofs\nIdle puddles\nVast grey\nEvening\nRests",
                                   {{"acrostic", "RIVER"}, {"forbidden_words", {"wet", "puddle"}}});
  CHECK(r["total"] == 3);
  CHECK(r["passed"] == 2);  // "puddles" is the forbidden "puddle"
  CHECK(check_constraints("Rain\nIce\n", {{"acrostic", "RIVER"}})["passed"] == 0);
}

TEST_CASE("diversity of samples") {
  CHECK(distinct_n({"a b c", "a b c"}, 1) == doctest::Approx(0.5));
  CHECK(distinct_n({"a b c", "d e f"}, 2) == doctest::Approx(1.0));
  CHECK(mean_pairwise_bigram_jaccard({"the cat sat", "the cat sat", "a dog ran"}) ==
        doctest::Approx(1.0 / 3));
  CHECK(diversity_summary({"one"})["mean_pairwise_similarity"].is_null());
}
