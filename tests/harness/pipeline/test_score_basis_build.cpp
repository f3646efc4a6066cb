#include <doctest/doctest.h>

#include "harness/pipeline/score_basis_build.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "results/store.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

void add_item(Store& store, const std::string& suite, const std::string& id, json data) {
  data["id"] = id;
  data["suite"] = suite;
  store.upsert_item({suite, id, "1", "", json::array({{{"role", "user"}, {"content", "Q " + id}}}), data});
}

void add_answer(Store& store, const std::string& model, const std::string& suite, const std::string& id, int sample,
                const std::string& text) {
  store.put_response({.model = model, .suite = suite, .item_id = id, .sample = sample, .text = text});
}

}  // namespace

TEST_CASE("the report shows what each score rests on: items scored, DAT on the human scale, PhilPapers beside the model") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "creativity", "dat1", {{"task", "dat"}});
  add_item(store, "creativity", "m1", {{"task", "metaphor"}, {"about_words", {"grief", "loss"}}});
  add_item(store, "philosophy", "p1",
           {{"kind", "forced"}, {"topic", "trolley_switch"}, {"choices", {"switch", "don't switch"}},
            {"human_distribution", {{"switch", 0.63}, {"don't switch", 0.13}, {"other", 0.24}}},
            {"source", "PhilPapers Survey 2020"}});
  add_answer(store, "poet", "creativity", "dat1", 0, "volcano\njustice\nspoon\nalgebra\nsock\nthunder\ndemocracy");
  add_answer(store, "poet", "creativity", "m1", 0, "Grief is a house with one more door than you remember.");
  for (int s = 0; s < 4; ++s)
    add_answer(store, "poet", "philosophy", "p1", s, s < 3 ? "Choice: switch" : "Choice: don't switch");
  score_store(store);
  const ScoreBasisView v = score_basis_view(store, summarise_store(store));

  REQUIRE(v.suites.size() == 2);
  const auto& creativity = v.suites[0];
  CHECK(creativity.suite == "creativity");
  CHECK(creativity.scored == 1);
  CHECK(creativity.asked == 2);
  CHECK_FALSE(creativity.insufficient);  // half is enough
  CHECK(creativity.unscored_reasons.at("needs a judge model (--judge SPEC)") == 1);

  REQUIRE(v.dat.size() == 1);
  CHECK(v.dat[0].human_scale > 78);  // 64.3 on WordNet, above the paper's average example
  CHECK(v.dat_human_average == 78);

  REQUIRE(v.philosophy.size() == 1);
  const auto& p = v.philosophy[0];
  CHECK(p.human.at("switch") == doctest::Approx(0.63 / 0.76));
  CHECK(p.unlisted_human_mass == doctest::Approx(0.24));
  CHECK(p.models.at("poet").at("switch") == doctest::Approx(0.75));
  CHECK(p.samples.at("poet") == 4);

  const std::string md = score_basis_markdown(v);
  CHECK(md.find("## What the scores rest on") != std::string::npos);
  CHECK(md.find("| poet | creativity | 1 of 2 |") != std::string::npos);
  CHECK(md.find("above the average person's example") != std::string::npos);
  CHECK(md.find("| trolley_switch | switch 83%, don't switch 17% | poet | switch 75%, don't switch 25% | 4 |") !=
        std::string::npos);
  const std::string html = score_basis_html(v);
  CHECK(html.find("don&apos;t switch") != std::string::npos);  // escaped for HTML
}
