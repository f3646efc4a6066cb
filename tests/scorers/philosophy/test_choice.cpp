#include <doctest/doctest.h>

#include <cmath>

#include "scorers/philosophy/choice.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;

namespace {
const std::vector<std::string> kTrolley = {"switch", "don't switch"};
std::string parsed(const std::string& text, const std::vector<std::string>& labels = kTrolley) {
  return parse_choice(text, labels).label.value_or("<none>");
}
}  // namespace

TEST_CASE("choice labels come from the usual shapes") {
  CHECK(choice_labels(json::array({"a", "b"})) == std::vector<std::string>{"a", "b"});
  CHECK(choice_labels(json::parse(R"([{"label":"yes","text":"Y"},{"label":"no"}])")) ==
        std::vector<std::string>{"yes", "no"});
  CHECK(choice_labels(json::parse(R"({"x":"1","y":"2"})")).size() == 2);
}

TEST_CASE("the chosen option is read robustly") {
  CHECK(parsed("Many would switch... but\nChoice: Don't switch.") == "don't switch");
  CHECK(parsed("**Choice:** SWITCH") == "switch");
  CHECK(parsed("choice: don\xE2\x80\x99t switch") == "don't switch");  // curly apostrophe
  CHECK(parsed("Choice: switch the lever, because five > one") == "switch");
  CHECK(parsed("Choice: B") == "don't switch");  // by position
  CHECK(parsed("I would not switch. I don't switch.") == "don't switch");  // last mention
  CHECK(parsed("Pulling it is hard; I'd still switch.") == "switch");
  CHECK(parsed("I refuse to answer.") == "<none>");
  CHECK(parsed("Choice: one box", {"one box", "two boxes"}) == "one box");
  CHECK(parsed("Choice: neither", {"one box", "two boxes"}) == "<none>");
}

TEST_CASE("Jensen-Shannon divergence in bits") {
  CHECK(jensen_shannon_divergence({{"a", 1}}, {{"a", 1}}) == doctest::Approx(0));
  CHECK(jensen_shannon_divergence({{"a", 1}}, {{"b", 1}}) == doctest::Approx(1));
  // p = (1, 0), q = (0.5, 0.5): 0.5*log2(1/0.75) + 0.5*(0.5*log2(0.5/0.75) + 0.5*log2(0.5/0.25))
  const double expected = 0.5 * std::log2(1 / 0.75) +
                          0.5 * (0.5 * std::log2(0.5 / 0.75) + 0.5 * std::log2(0.5 / 0.25));
  CHECK(jensen_shannon_divergence({{"a", 1}}, {{"a", 0.5}, {"b", 0.5}}) ==
        doctest::Approx(expected));
}

TEST_CASE("agreement with the human distribution drops unlisted mass and renormalises") {
  // PhilPapers 2020 trolley: 63% switch, 13% don't, 23% other.
  const json human = {{"switch", 63}, {"don't switch", 13}, {"other", 23}};
  const auto all_switch =
      philosophy_agreement({"switch", "switch", "switch", std::nullopt}, kTrolley, human);
  REQUIRE(all_switch.value);
  CHECK(all_switch.modal_choice == "switch");
  CHECK(all_switch.parsed == 3);
  CHECK(all_switch.unparsed == 1);
  CHECK(all_switch.human.at("switch") == doctest::Approx(63.0 / 76));
  CHECK(all_switch.unlisted_human_mass == doctest::Approx(23.0 / 99));
  const auto matching = philosophy_agreement(
      {"switch", "switch", "switch", "switch", "switch", "don't switch"}, kTrolley, human);
  CHECK(*matching.value > *all_switch.value);
  const auto contrary = philosophy_agreement({"don't switch"}, kTrolley, human);
  CHECK(*contrary.value < *all_switch.value);
  CHECK_FALSE(philosophy_agreement({"switch"}, kTrolley, json()).value);
  CHECK_FALSE(philosophy_agreement({std::nullopt}, kTrolley, human).value);
}

TEST_CASE("every human distribution of the built-in philosophy suite maps onto its choices") {
  for (const auto& item : load_suite("philosophy").items) {
    if (!item.data.contains("human_distribution")) continue;
    CAPTURE(item.id);
    const auto labels = choice_labels(item.data["choices"]);
    const auto a = philosophy_agreement({labels.front()}, labels, item.data["human_distribution"]);
    CHECK(a.value.has_value());
    CHECK(a.human.size() >= 2);
  }
}

TEST_CASE("hostile answers: a 100,000-character Choice line, long runs, many lines") {
  CHECK(parsed("Choice: " + std::string(100'000, 'x')) == "<none>");
  CHECK(parsed("Choice: switch" + std::string(100'000, ' ')) == "switch");
  CHECK(parsed(std::string(100'000, '\n') + "Final\n\n choice: don't switch") == "don't switch");
  std::string many;
  for (int i = 0; i < 20'000; ++i) many += "> ** choice: switch\n";
  CHECK(parsed(many + "final choice: don't switch") == "don't switch");
  CHECK(parsed(std::string(100'000, '.') + " switch") == "switch");  // leading punctuation
  CHECK(parsed(std::string(50'000, '\xE2') + "switch") == "switch");
}

TEST_CASE("the Choice line grammar is unchanged") {
  CHECK(parsed("text\n# Final   choice: switch") == "switch");
  CHECK(parsed("finalchoice: switch\nI don't switch") == "don't switch");  // no such label line
  CHECK(parsed("Choice switch") == "switch");                             // by mention
  CHECK(parsed("CHOICE__ : don't switch\nmore") == "don't switch");
}
