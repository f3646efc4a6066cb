#include <doctest/doctest.h>

#include "scorers/creativity/creativity_scorer.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;

TEST_CASE("creativity scores by task kind") {
  const auto dat = score_creativity(
      {{"task", "dat"}},
      "volcano\njustice\nspoon\nalgebra\nsock\nthunder\ndemocracy\ngiraffe\nvelvet\norbit");
  REQUIRE(dat.value);
  CHECK(*dat.value == doctest::Approx(dat.details["dat"].get<double>() / 100));
  CHECK(dat.extracted == "volcano,justice,spoon,algebra,sock,thunder,democracy");
  const auto refused = score_creativity({{"task", "dat"}}, "I'd rather not.");
  CHECK(refused.value == 0.0);  // the task was not done: 0 with the reason, no DAT figure
  CHECK(refused.details["zero"].get<std::string>().find("fewer than 7") != std::string::npos);
  CHECK_FALSE(refused.details.contains("dat"));

  const auto constrained = score_creativity(
      {{"task", "constrained"}, {"constraints", {{"max_words", 3}, {"forbidden_letter", "e"}}}},
      "A long walk, again and again");
  CHECK(constrained.value == 0.5);

  const auto title = score_creativity({{"task", "title"}}, "The Map Before");
  CHECK_FALSE(title.value);
  CHECK(title.details["needs_judge"] == true);
}

TEST_CASE("an answer off its subject scores 0 before its form is looked at") {
  const ds::core::json item = {{"task", "constrained"},
                         {"constraints", {{"min_words", 6}, {"max_words", 6}}},
                         {"about_words", {"lighthouse", "keeper", "lamp", "beacon"}}};
  const auto on = score_creativity(item, "Lamp lit nightly. Nobody came home.");
  CHECK(on.value == 1.0);
  CHECK(on.details["about_words_found"] == ds::core::json::array({"lamp"}));
  const auto off = score_creativity(item, "The answer is 42.\n\nAnswer: 42");
  CHECK(off.value == 0.0);
  CHECK(off.details["zero"].get<std::string>().rfind("off topic", 0) == 0);
  CHECK_FALSE(off.details.contains("constraints"));

  const ds::core::json metaphor = {{"task", "metaphor"}, {"about_words", {"grief", "loss", "mourning"}}};
  CHECK(score_creativity(metaphor, "Grief is a house with one more door than you remember.").details["needs_judge"] == true);
  const auto off_metaphor = score_creativity(metaphor, "I cannot help with that.");
  CHECK(off_metaphor.value == 0.0);
  CHECK_FALSE(off_metaphor.details.contains("needs_judge"));  // no judge is asked about it
}

TEST_CASE("an AUT answer with too few uses scores 0; a real one its share of uncommon uses") {
  REQUIRE(wordnet_available());
  const ds::core::json item = {{"task", "aut"}, {"object", "brick"}, {"object_noun", "brick"},
                               {"common_uses", {"doorstop", "paperweight", "wall", "build"}}};
  const auto non_answer = score_creativity(item, "The answer is 42.\n\nAnswer: 42");
  CHECK(non_answer.value == 0.0);
  CHECK(non_answer.details["fluency"] == 1);
  const auto real = score_creativity(item, "- doorstop\n- use as a paperweight\n- grind into pigment\n- bookend\n");
  REQUIRE(real.value);
  CHECK(*real.value == doctest::Approx(0.5));  // pigment and bookend are not in the common list
  CHECK(real.details["common_ideas"] == 2);
  CHECK(real.details["semantic_distance"].is_number());  // reported beside the score
  const auto ordinary = score_creativity(item, "- build a wall\n- building a house\n- doorstop\n");
  CHECK(ordinary.value == 0.0);
}

TEST_CASE("every constrained, title and metaphor item of the built-in suite names its subject's words") {
  for (const auto& item : load_suite("creativity").items) {
    const std::string task = item.data["task"];
    CAPTURE(item.id);
    if (task == "aut") {
      REQUIRE(item.data.contains("object_noun"));
      CHECK(item.data["common_uses"].size() >= 10);
      CHECK(wordnet_noun(item.data["object_noun"].get<std::string>()));
    }
    if (task != "constrained" && task != "title" && task != "metaphor") continue;
    REQUIRE(item.data.contains("about_words"));
    CHECK(item.data["about_words"].size() >= 3);
    // A lipogram's subject must be nameable without its forbidden letter.
    const std::string letter = item.data.value("constraints", ds::core::json::object()).value("forbidden_letter", std::string());
    if (!letter.empty()) {
      int usable = 0;
      for (const auto& w : item.data["about_words"]) usable += w.get<std::string>().find(letter) == std::string::npos;
      CHECK(usable >= 5);
    }
    // The 42 endpoint's answer is off topic for every item.
    CHECK(score_creativity(item.data, "The answer is 42.\n\nAnswer: 42").value == 0.0);
  }
}

TEST_CASE("every constraint of the built-in creativity suite is checkable") {
  for (const auto& item : load_suite("creativity").items) {
    if (item.data["task"] != "constrained") continue;
    CAPTURE(item.id);
    const std::string on_topic = item.data["about_words"][0];
    const auto s = score_creativity(item.data, on_topic);
    CHECK_FALSE(s.details["constraints"].contains("ignored"));
    CHECK(s.value.has_value());
  }
}
