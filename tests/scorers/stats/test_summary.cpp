#include <doctest/doctest.h>

#include "results/store.hpp"
#include "scorers/stats/summary.hpp"
#include "tests/support/process.hpp"

using namespace ds;

namespace {

void answer(Store& store, const std::string& model, const std::string& suite, int item, int sample,
            std::optional<double> value) {
  const auto id = store.put_response({.model = model, .suite = suite,
                                      .item_id = suite + std::to_string(item), .sample = sample,
                                      .text = "x"});
  store.put_score({id, suite, value, "", json::object()});
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
      answer(store, "poet", "philosophy", i, s, i == 0 ? std::nullopt : std::optional(0.9));
    }
  }
  answer(store, "poet", "probes", 0, 0, std::nullopt);
}

}  // namespace

TEST_CASE("suite summary: means with intervals, counts, pass@k, profile and gap") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  fill(store);
  const json s = suite_summary(store);
  const json& calc = s["models"]["calc"];
  CHECK(calc["suites"]["math"]["mean"].get<double>() == doctest::Approx(0.9));
  CHECK(calc["suites"]["math"]["n"] == 10);
  CHECK(calc["suites"]["math"]["n_responses"] == 20);
  CHECK(calc["suites"]["math"]["ci_low"].get<double>() < 0.9);
  CHECK(calc["suites"]["math"]["ci_high"].get<double>() == doctest::Approx(1.0));
  // coding: items 0-4 both samples pass, 5-9 one of two → pass@1 = 0.75, pass@2 = 1
  CHECK(calc["suites"]["coding"]["pass_at_k"]["1"].get<double>() == doctest::Approx(0.75));
  CHECK(calc["suites"]["coding"]["pass_at_k"]["2"].get<double>() == doctest::Approx(1.0));
  const json& poet = s["models"]["poet"];
  CHECK(poet["simulated"] == true);
  CHECK(poet["suites"]["philosophy"]["n"] == 9);  // item 0 has no scored sample
  CHECK(poet["suites"]["philosophy"]["n_unscored"] == 2);
  CHECK(poet["suites"]["probes"]["mean"].is_null());
  // Two models, min-max: calc is (1, 1, 0, 0) → gap +1, poet (0, 0, 1, 1) → gap -1.
  CHECK(calc["gap_index"]["value"].get<double>() == doctest::Approx(1.0));
  CHECK(poet["gap_index"]["value"].get<double>() == doctest::Approx(-1.0));
  CHECK(calc["gap_index"]["ci_low"].get<double>() < 1.0);
  CHECK(calc["profile"]["math"]["mean"].get<double>() == doctest::Approx(0.9));

  const std::string table = format_summary_table(s);
  CHECK(table.find("poet (simulated)") != std::string::npos);
  CHECK(table.find("calc (simulated)") == std::string::npos);
  CHECK(table.find("0.90 [") != std::string::npos);
  CHECK(table.find("+1.00 [") != std::string::npos);
  CHECK(table.find("pass@2=1.00") != std::string::npos);
  CHECK(table.find("probes      unscored") != std::string::npos);
}

TEST_CASE("a model missing a profile dimension has no gap index") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  answer(store, "solo", "math", 0, 0, 1.0);
  const json s = suite_summary(store);
  CHECK(s["models"]["solo"]["gap_index"].is_null());
  CHECK(s["models"]["solo"]["profile"]["coding"].is_null());
  CHECK(format_summary_table(s).find("n/a") != std::string::npos);
}
