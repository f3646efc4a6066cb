// The all-pairs view `lineage`, the lineage map and the leaderboard read: the closest model of
// each model, in words that claim no direction and no independence.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "results/lineage_features.hpp"
#include "results/store.hpp"
#include "scorers/lineage/lineage_matrix.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;
using namespace ds::scorers::lineage;

namespace {

const ParentGuess& guess_of(const LineageMatrix& m, const std::string& model) {
  return *std::find_if(m.parents.begin(), m.parents.end(), [&](const auto& g) { return g.model == model; });
}

}  // namespace

TEST_CASE("teacher and student are each other's closest model, related; the verdicts never say unrelated") {
  ds::test::TempDir dir;
  Store store(dir.file("m.db"));
  ds::test::fill_lineage_store(store, 10);
  const auto corpus = load_corpus(store);
  Detector detector(corpus);
  const LineageMatrix m = lineage_matrix(detector);
  REQUIRE(m.models.size() == 12);
  CHECK(guess_of(m, "student").parent == "teacher");
  CHECK(guess_of(m, "student").verdict == "related");
  CHECK(guess_of(m, "teacher").parent == "student");
  for (const auto& g : m.parents) CHECK((g.verdict == "related" || g.verdict == "not detected"));
  // Per pair, the detector's own verdict words; none on the diagonal.
  const size_t s = static_cast<size_t>(std::find(m.models.begin(), m.models.end(), "student") - m.models.begin());
  const size_t t = static_cast<size_t>(std::find(m.models.begin(), m.models.end(), "teacher") - m.models.begin());
  CHECK(m.verdict[s][t] == "distilled");
  CHECK(m.verdict[s][s].empty());
  CHECK(lineage_table(m).find("closest model (no direction)") != std::string::npos);
}

TEST_CASE("with too few models to test a pair the closest model is the most similar, insufficient evidence") {
  ds::test::TempDir dir;
  Store store(dir.file("s.db"));
  ds::test::fill_lineage_store(store, 1);  // teacher, student, one independent: panels of 1
  const auto corpus = load_corpus(store);
  Detector detector(corpus);
  const LineageMatrix m = lineage_matrix(detector);
  REQUIRE(m.models.size() == 3);
  const ParentGuess& g = guess_of(m, "student");
  CHECK(g.parent == "teacher");
  CHECK(g.verdict == "insufficient evidence");
  CHECK(std::isnan(g.p_value));
  CHECK(lineage_to_json(m)["parents"][0]["p_value"].is_null());
}

TEST_CASE("a model that gives one answer to everything is nobody's closest model") {
  // Everyone's similarity to a constant answer is close to zero with almost no spread, so a z
  // against it can be large by chance; the closest model must resemble the model's answers.
  ds::test::TempDir dir;
  Store store(dir.file("c.db"));
  ds::test::fill_lineage_store(store, 10);
  store.upsert_model({"constant-42", "import", "", "test", false});
  for (int p = 0; p < 40; ++p) {
    Record r;
    r.model = "constant-42";
    r.suite = "synthetic";
    r.item_id = "p" + std::to_string(p);
    r.text = "The answer is 42.";
    store.put_response(r);
  }
  const auto corpus = load_corpus(store);
  Detector detector(corpus);
  const LineageMatrix m = lineage_matrix(detector);
  REQUIRE(m.models.size() == 13);
  for (const auto& g : m.parents) {
    CAPTURE(g.model);
    if (g.model != "constant-42") CHECK(g.parent != "constant-42");
  }
  CHECK(guess_of(m, "student").parent == "teacher");
  CHECK(lineage_to_json(m)["parents"].size() == 13);
}
