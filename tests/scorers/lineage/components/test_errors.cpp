#include <doctest/doctest.h>

#include "scorers/lineage/components/registry_entries.hpp"

using namespace ds::scorers::lineage;

namespace {

// Five models answer four scored prompts; "copy" shares the reference's wrong answers.
Corpus scored_corpus() {
  Corpus c;
  c.models = {"copy", "other-a", "other-b", "other-c", "ref"};
  c.prompts = {"math/1", "math/2", "math/3", "math/4"};
  c.expected = {"12", "7", "3/4", "9"};
  c.cells.assign(c.models.size(), std::vector<std::vector<ResponseEntry>>(c.prompts.size()));
  const std::vector<std::vector<std::string>> answers{
      {"13", "8", "1/2", "9"},  // copy: the reference's three wrong answers, then right
      {"12", "6", "3/4", "9"},
      {"11", "7", "3/4", "9"},
      {"12", "7", "2/3", "10"},
      {"13", "8", "1/2", "9"}};  // ref
  for (size_t m = 0; m < c.models.size(); ++m)
    for (size_t p = 0; p < c.prompts.size(); ++p) {
      ResponseEntry e;
      e.features = compute_features("answer " + answers[m][p]);
      e.scores.push_back({"math", answers[m][p] != c.expected[p], answers[m][p]});
      c.cells[m][p].push_back(e);
    }
  return c;
}

// The errors component of every other model against "ref", all of them the panel.
ComponentValues errors_against_ref(const Corpus& c) {
  const SimilarityIndex similarity(c);
  const Profiles profiles = build_profiles(c);
  ComponentInput in{c, similarity, profiles};
  in.reference = 4;
  in.reference_name = "ref";
  in.family = {4};
  in.models = {0, 1, 2, 3};
  in.in_panel = {1, 1, 1, 1};
  return errors_component(in);
}

}  // namespace

TEST_CASE("errors: identical wrong answers beyond chance, quoted with the expected answer") {
  const Corpus c = scored_corpus();
  const auto v = errors_against_ref(c);
  REQUIRE(v.value.size() == 4);
  CHECK(v.value[0] > 1.0);
  for (size_t i = 1; i < 4; ++i) CHECK(v.value[i] < v.value[0]);
  REQUIRE(v.evidence[0].size() == 3);
  CHECK(v.evidence[0][0].quote == "13");
  CHECK(v.evidence[0][0].expected == "12");
  CHECK(v.evidence[0][0].prompt_ids == std::vector<std::string>{"math/1"});
  CHECK(v.evidence[0][2].detail.find("expected 3/4") != std::string::npos);
}

TEST_CASE("errors: a wrong answer most of the panel shares is not shown as evidence") {
  Corpus c = scored_corpus();
  // On math/1 every other model now gives the reference's wrong 13 too: a common slip.
  for (size_t m = 1; m <= 3; ++m) {
    auto& e = c.cells[m][0].front();
    e.scores.front() = {"math", true, "13"};
  }
  const auto v = errors_against_ref(c);
  REQUIRE(v.evidence[0].size() == 2);  // math/2 and math/3 only
  for (const auto& e : v.evidence[0]) {
    CHECK(e.prompt_ids.front() != "math/1");
    REQUIRE(e.panel_sharing.has_value());
    CHECK(*e.panel_sharing == 0);
    CHECK(e.panel_checked == 4);
  }
  CHECK(v.evidence[1].empty());  // the others share only the common slip
}
