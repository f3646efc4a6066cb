#include <doctest/doctest.h>

#include <map>

#include "scorers/lineage/passage_evidence.hpp"

using namespace ds::scorers::lineage;

TEST_CASE("shared passages: verbatim, with prompt ids, and not the ones every panel model writes") {
  const std::map<std::string, std::string> texts{
      {"cand", "Sure! I hope this helps you with the task at hand today. The Zorblax Protocol, as defined "
               "in 1987, requires three signatures from the council."},
      {"ref", "i hope this helps you with the task at hand today! the Zorblax Protocol, as defined in "
              "1987, requires three signatures from the Council."},
      {"p1", "Well, I hope this helps you with the task at hand today."},
      {"p2", "I hope this helps you with the task at hand today, friend."},
      {"p3", "Something else entirely, about the weather in the mountains."}};
  PassageFinder finder([&](const std::string& model, const std::string&) { return texts.at(model); },
                       {"p1", "p2", "p3", "cand"});
  const auto found = finder.find("cand", "ref", {"q/1"}, 3);
  REQUIRE(found.size() == 1);
  CHECK(found[0].quote == "The Zorblax Protocol, as defined in 1987, requires three signatures from the council.");
  CHECK(found[0].reference_quote ==
        "the Zorblax Protocol, as defined in 1987, requires three signatures from the Council.");
  CHECK(found[0].prompt_ids == std::vector<std::string>{"q/1"});
  REQUIRE(found[0].panel_sharing);
  CHECK(*found[0].panel_sharing == 0);
  CHECK(found[0].panel_checked == 3);  // the candidate is not its own panel
}
