#include <doctest/doctest.h>

#include <algorithm>

#include "results/lineage_features.hpp"
#include "scorers/lineage/detector.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;
using namespace ds::scorers::lineage;

TEST_CASE("neighbours: the candidate's sibling cluster is set aside and named") {
  ds::test::TempDir dir;
  Store store(dir.file("n.db"));
  ds::test::fill_lineage_store(store, 12);
  // A near-copy of indep-0 (a sibling: the same answers with one word changed per sentence).
  store.upsert_model({"indep-0-twin", "import", "", "test", false});
  for (const auto& r : store.responses({})) {
    if (r.model != "indep-0") continue;
    Record twin = r;
    twin.model = "indep-0-twin";
    twin.text.clear();
    for (char ch : r.text) {
      if (ch == '.') twin.text += " indeed";
      twin.text += ch;
    }
    store.put_response(twin);
  }
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teacher"};
  o.components = {"neighbours"};
  o.correction = Correction::None;
  o.bootstrap = 0;
  const auto r = detector.detect(o);
  std::map<std::string, const CandidateResult*> by;
  for (const auto& c : r.candidates) by[c.model] = &c;
  REQUIRE(by.count("indep-0"));
  CHECK(by["indep-0"]->siblings == std::vector<std::string>{"indep-0-twin"});
  CHECK(by["indep-0-twin"]->siblings == std::vector<std::string>{"indep-0"});
  CHECK(r.candidates.front().model == "student");
  // Evidence is shown only where the component points towards the reference: the student's,
  // never the independent twins' (their siblings are named in `siblings` instead).
  for (const auto& c : r.candidates)
    for (const auto& e : c.evidence)
      if (e.kind == "neighbours") CHECK(e.statistic > 0);
  bool student_has = false;
  for (const auto& e : by["student"]->evidence) student_has = student_has || e.kind == "neighbours";
  CHECK(student_has);
}
