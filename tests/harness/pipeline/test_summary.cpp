#include <doctest/doctest.h>

#include <cmath>

#include "results/store.hpp"
#include "harness/cli/summary_table.hpp"
#include "harness/pipeline/gates.hpp"
#include "harness/pipeline/summary.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

void answer(Store& store, const std::string& model, const std::string& suite, int item, int sample,
            std::optional<double> value, const std::string& unscored_because = "") {
  const auto id = store.put_response({.model = model, .suite = suite,
                                      .item_id = suite + std::to_string(item), .sample = sample,
                                      .text = "x"});
  json details = json::object();
  if (!unscored_because.empty()) details["unscored"] = unscored_because;
  store.put_score({id, suite, value, "", details});
}

// Model "calc" is strong at math/coding and weak at creativity/philosophy; "poet" the reverse.
void fill(Store& store) {
  store.upsert_model({.name = "calc", .provider = "openai"});
  store.upsert_model({.name = "poet", .provider = "openai", .simulated = true});
  for (int i = 0; i < 10; ++i) {
    for (int s = 0; s < 2; ++s) {
      answer(store, "calc", "math", i, s, i < 9 ? 1.0 : 0.0);
      answer(store, "calc", "coding", i, s, s == 0 || i < 5 ? 1.0 : 0.0);
      answer(store, "calc", "creativity", i, s, 0.2);
      answer(store, "calc", "philosophy", i, s, 0.3);
      answer(store, "poet", "math", i, s, i < 3 ? 1.0 : 0.0);
      answer(store, "poet", "coding", i, s, i < 2 ? 1.0 : 0.0);
      answer(store, "poet", "creativity", i, s, 0.7);
      if (i == 0) answer(store, "poet", "philosophy", i, s, std::nullopt, "no sample named one of the choices");
      else answer(store, "poet", "philosophy", i, s, 0.9);
    }
  }
  answer(store, "poet", "probes", 0, 0, std::nullopt, "not graded");
  answer(store, "poet", "probes", 1, 0, std::nullopt, "not graded");
  store.put_response({.model = "poet", .suite = "probes", .item_id = "probes2", .sample = 0, .text = "x"});
}

}  // namespace

TEST_CASE("suite summary: means with intervals, counts, pass@k, profile and gap") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  fill(store);
  const Summary s = summarise_store(store);
  const ModelSummary& calc = s.models.at("calc");
  const SuiteSummary& math = calc.suites.at("math");
  CHECK(math.score.interval->mean == doctest::Approx(0.9));
  CHECK(math.score.items == 10);
  CHECK(math.responses == 20);
  CHECK(math.score.interval->low < 0.9);
  CHECK(math.score.interval->high == doctest::Approx(1.0));
  // coding: items 0-4 both samples pass, 5-9 one of two → pass@1 = 0.75, pass@2 = 1
  CHECK(calc.suites.at("coding").pass_at_k.at(1) == doctest::Approx(0.75));
  CHECK(calc.suites.at("coding").pass_at_k.at(2) == doctest::Approx(1.0));
  const ModelSummary& poet = s.models.at("poet");
  CHECK(poet.simulated);
  CHECK(poet.suites.at("philosophy").score.items == 9);  // item 0 has no scored sample
  CHECK(poet.suites.at("philosophy").unscored == 2);
  CHECK_FALSE(poet.suites.at("probes").score.scored());
  // Every unscored answer keeps its reason; an answer with no score row is "not scored yet".
  CHECK(poet.suites.at("philosophy").unscored_reasons ==
        std::map<std::string, size_t>{{"no sample named one of the choices", 2}});
  CHECK(poet.suites.at("probes").unscored_reasons ==
        std::map<std::string, size_t>{{"not graded", 2}, {"not scored yet", 1}});
  CHECK(calc.suites.at("math").unscored_reasons.empty());
  // z-scores against the pooled item SD: math items calc 9×1 + 0, poet 3×1 + 7×0 → centre 0.6,
  // SD of the 20 item means; calc +, poet − by symmetry of the two-model centre.
  const double math_sd = std::sqrt((12 * 0.4 * 0.4 + 8 * 0.6 * 0.6) / 19.0);
  CHECK(s.normalisation.at("math").scale == doctest::Approx(math_sd));
  REQUIRE(calc.gap_index);
  const double calc_gap = calc.gap_index->mean;
  CHECK(calc_gap > 1.0);
  CHECK(poet.gap_index->mean == doctest::Approx(-calc_gap));
  CHECK(calc.gap_index->low < calc_gap);
  CHECK(calc.gap_index->low > 0);

  const std::string table = cli::summary_table(s);
  CHECK(table.find("poet (simulated)") != std::string::npos);
  CHECK(table.find("calc (simulated)") == std::string::npos);
  CHECK(table.find("0.90 [") != std::string::npos);
  CHECK(table.find("gap index") != std::string::npos);
  CHECK(table.find("pass@2=1.00") != std::string::npos);
  CHECK(table.find("probes      unscored") != std::string::npos);
  CHECK(table.find("unscored: not graded (2 of 3; 1 other reason)") != std::string::npos);
  CHECK(table.find("unscored: no sample named one of the choices\n") != std::string::npos);
  CHECK(cli::unscored_breakdown(s) == "2 no sample named one of the choices; 2 not graded; 1 not scored yet");
}

TEST_CASE("the summary table of one run shows its models and counts the store's others") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  answer(store, "mine", "math", 0, 0, 1.0);
  answer(store, "imported-a", "math", 0, 0, 0.0);
  answer(store, "imported-b", "math", 0, 0, 0.0);
  const Summary s = summarise_store(store);
  const std::string table = cli::summary_table(s, {"mine"});
  CHECK(table.find("mine") != std::string::npos);
  CHECK(table.find("imported-") == std::string::npos);
  CHECK(table.find("The store holds 2 other models (not in this run)") != std::string::npos);
  CHECK(cli::summary_table(s).find("other model") == std::string::npos);
}

TEST_CASE("a model missing a profile dimension has no gap index") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  answer(store, "solo", "math", 0, 0, 1.0);
  const Summary s = summarise_store(store);
  CHECK_FALSE(s.models.at("solo").gap_index);
  CHECK(s.models.at("solo").suite("coding") == nullptr);
  CHECK(cli::summary_table(s).find("n/a") != std::string::npos);
}

TEST_CASE("a suite with fewer than half its items scored is insufficient: no figure, no gap index") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  fill(store);
  // "judged": 10 creativity items, 4 scored and 6 waiting for a judge.
  for (int i = 0; i < 10; ++i) {
    answer(store, "judged", "math", i, 0, 1.0);
    answer(store, "judged", "coding", i, 0, 1.0);
    answer(store, "judged", "philosophy", i, 0, 0.5);
    if (i < 4) answer(store, "judged", "creativity", i, 0, 0.8);
    else answer(store, "judged", "creativity", i, 0, std::nullopt, "needs a judge model (--judge SPEC)");
  }
  const Summary s = summarise_store(store);
  const auto& c = s.models.at("judged").suites.at("creativity").score;
  CHECK(c.insufficient);
  CHECK_FALSE(c.scored());
  CHECK(c.items == 4);
  CHECK(c.asked == 10);
  CHECK_FALSE(s.models.at("judged").gap_index);
  CHECK(s.models.at("poet").gap_index);  // 9 of 10 philosophy items: enough
  CHECK_FALSE(s.models.at("poet").suites.at("philosophy").score.insufficient);
  const std::string table = ds::harness::cli::summary_table(s);
  CHECK(table.find("insufficient 4/10") != std::string::npos);
  CHECK(table.find("n=9/10") != std::string::npos);
  // A gate on an insufficient suite fails for that model: too little to say it passes.
  const auto failures = evaluate_gates({parse_gate("creativity<0.1")}, s, nullptr, false);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0] == "judged: creativity is insufficient (4 of 10 items scored)");
}
