#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/errors.hpp"
#include "results/store.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/lineage_features.hpp"
#include "scorers/lineage/evidence.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;  // load_corpus, and through it scorers, tasks and core
using namespace ds::scorers::lineage;

namespace {

void fill_store(Store& store, int independents) { ds::test::fill_lineage_store(store, independents); }

}  // namespace

TEST_CASE("detector flags the student of the reference and not the independents") {
  ds::test::TempDir dir;
  Store store(dir.file("d.db"));
  fill_store(store, 12);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teacher"};
  o.permutations = 200;
  const auto r = detector.detect(o);
  REQUIRE(r.candidates.size() == 13);
  CHECK(r.candidates.front().model == "student");
  CHECK(r.candidates.front().verdict == Verdict::Distilled);
  CHECK(r.candidates.front().p_adjusted <= 0.05);
  // A sweep of 13 candidates with Holm: the conformal rank would need 259 panel models.
  CHECK(r.candidates.front().null_kind == NullKind::Parametric);
  CHECK(r.family_size == 13);
  REQUIRE(r.candidates.front().p_permutation);
  CHECK(*r.candidates.front().p_permutation < 0.01);
  CHECK(r.candidates.front().z_interval.low > 0);
  int independent_flagged = 0;
  for (const auto& c : r.candidates) {
    CHECK(c.p_value >= 0.0);
    CHECK(c.p_value <= 1.0);
    CHECK(c.p_adjusted >= c.p_value);
    if (c.model != "student" && c.verdict == Verdict::Distilled) ++independent_flagged;
    if (c.verdict == Verdict::NotDetected) CHECK(std::isfinite(c.detectable_z));
  }
  CHECK(independent_flagged == 0);
}

TEST_CASE("features are stored once and only missing ones are computed") {
  ds::test::TempDir dir;
  Store store(dir.file("f.db"));
  fill_store(store, 2);
  CHECK(ensure_features(store) == 4 * 40);
  CHECK(ensure_features(store) == 0);
  Record r;
  r.model = "teacher";
  r.suite = "synthetic";
  r.item_id = "new";
  r.text = "A new answer.";
  store.put_response(r);
  CHECK(ensure_features(store) == 1);
}

TEST_CASE("unknown reference lists the known models") {
  ds::test::TempDir dir;
  Store store(dir.file("u.db"));
  fill_store(store, 2);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"nope"};
  try {
    detector.detect(o);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("teacher") != std::string::npos);
    CHECK(std::string(e.what()).find("nope") != std::string::npos);
  }
}

TEST_CASE("a named candidate is one question: its verdict is the same alone or beside others") {
  ds::test::TempDir dir;
  Store store(dir.file("n.db"));
  fill_store(store, 45);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teacher"};
  o.bootstrap = 0;
  o.panel = {};
  for (int i = 0; i < 20; ++i) o.panel.push_back("indep-" + std::to_string(i));  // a declared panel
  o.candidates = {"student"};
  const auto alone = detector.detect(o);
  o.candidates = {"student", "indep-30", "indep-31", "indep-32", "indep-33"};
  const auto beside = detector.detect(o);
  REQUIRE(alone.candidates.size() == 1);
  REQUIRE(beside.candidates.size() == 5);
  CHECK(alone.correction == Correction::None);
  CHECK(beside.family_size == 1);
  const auto& a = alone.candidates.front();
  const auto& b = beside.candidates.front();
  CHECK(b.model == "student");
  CHECK(a.verdict == Verdict::Distilled);
  CHECK(b.verdict == a.verdict);
  CHECK(b.statistic == doctest::Approx(a.statistic));
  CHECK(b.p_value == doctest::Approx(a.p_value));
  CHECK(b.p_adjusted == doctest::Approx(a.p_adjusted));
  CHECK(a.null_kind == NullKind::Parametric);
  CHECK(a.null_description.find("null hypothesis") != std::string::npos);
  // --family-wise corrects across the named candidates only.
  o.family_wise = true;
  o.correction = Correction::Holm;
  const auto family = detector.detect(o);
  CHECK(family.family_size == 5);
  CHECK(family.candidates.size() == 5);
  CHECK(family.candidates.front().p_adjusted == doctest::Approx(std::min(1.0, 5 * a.p_value)));
  // The exact rank on request, where the panel can reach the level.
  o.family_wise = false;
  o.candidates = {"student"};
  o.null_method = NullMethod::Rank;
  const auto rank = detector.detect(o);
  CHECK(rank.candidates.front().null_kind == NullKind::Conformal);
  CHECK(rank.candidates.front().p_value == doctest::Approx(1.0 / 21));
}

TEST_CASE("a sweep corrects across every model with Benjamini-Hochberg and says so") {
  ds::test::TempDir dir;
  Store store(dir.file("w.db"));
  fill_store(store, 20);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teacher"};
  o.bootstrap = 0;
  const auto r = detector.detect(o);
  CHECK(r.sweep);
  CHECK(r.default_panel);
  CHECK(r.correction == Correction::BenjaminiHochberg);
  CHECK(r.family_size == 21);
  CHECK(r.correction_note.find("Benjamini-Hochberg") != std::string::npos);
  CHECK(r.candidates.front().model == "student");
  CHECK(r.candidates.front().verdict == Verdict::Distilled);
  for (size_t k = 1; k < r.candidates.size(); ++k) CHECK(r.candidates[k].verdict != Verdict::Distilled);
}

TEST_CASE("fails closed: too small a panel is insufficient evidence, never a pass") {
  ds::test::TempDir dir;
  Store store(dir.file("s.db"));
  fill_store(store, 1);  // teacher, student, one independent
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teacher"};
  o.candidates = {"student"};
  const auto r = detector.detect(o);
  REQUIRE(r.candidates.size() == 1);
  const auto& c = r.candidates.front();
  CHECK(c.verdict == Verdict::InsufficientEvidence);
  CHECK(std::isnan(c.p_value));
  CHECK(c.insufficient_reason.find("panel has 1 model") != std::string::npos);
  CHECK(c.insufficient_reason.find("--panel") != std::string::npos);
  CHECK(verdict_word(c.verdict) == "insufficient evidence");
}

TEST_CASE("a reference family: members leave the panel, each candidate uses its closest member") {
  ds::test::TempDir dir;
  Store store(dir.file("fam.db"));
  fill_store(store, 12);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = {"teach*", "indep-0"};
  const auto r = detector.detect(o);
  CHECK(r.reference == std::vector<std::string>{"teacher", "indep-0"});
  CHECK_FALSE(r.family_note.empty());
  REQUIRE(r.candidates.size() == 12);
  CHECK(r.candidates.front().model == "student");
  CHECK(r.candidates.front().closest_reference == "teacher");
  for (const auto& c : r.candidates) CHECK(c.model != "indep-0");
  for (const auto& p : r.panel) CHECK(p != "indep-0");
  o.reference = {"nomatch*"};
  CHECK_THROWS_AS(detector.detect(o), InputError);
  o.reference = {"teacher"};
  o.panel = {"teacher"};
  CHECK_THROWS_AS(detector.detect(o), InputError);
}

TEST_CASE("shared phrases are the longest common word runs, quoted verbatim") {
  const auto p = shared_phrases("I hope this helps you with the Task at hand today",
                                "Well, i hope this helps you with the task. Bye", 4, 3);
  REQUIRE_FALSE(p.empty());
  CHECK(p.front() == "I hope this helps you with the Task");
  const auto passages = shared_passages("As GPT-4, a large language model, I think so.",
                                        "Note: as gpt-4, a large language model, I disagree.", 6, 2);
  REQUIRE(passages.size() == 1);
  const std::string a = "As GPT-4, a large language model, I think so.";
  CHECK(a.substr(passages[0].a_begin, passages[0].a_end - passages[0].a_begin) ==
        "As GPT-4, a large language model, I");
}

namespace {

// Per prompt, each "source" has a base answer of fixed-length words; a sample replaces about
// a fifth of its words at random. The student samples from the teacher's source, independents
// from their own. `samples` answers per model and prompt.
void fill_sampled_store(Store& store, int samples) {
  std::mt19937_64 rng(7);
  std::vector<std::string> vocab;
  for (const char* w : {"alpha", "bravo", "cedar", "delta", "eagle", "fable", "grape", "house",
                        "index", "joker", "karma", "lemon", "mango", "noble", "ocean", "piano"})
    vocab.push_back(w);
  std::uniform_int_distribution<size_t> word(0, vocab.size() - 1);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::string> models{"teacher", "student"};
  for (int i = 0; i < 10; ++i) models.push_back("indep-" + std::to_string(i));
  for (const auto& m : models) store.upsert_model({m, "import", "", "test", false});
  for (int p = 0; p < 12; ++p) {
    std::vector<std::vector<std::string>> bases;  // teacher's source, then one per independent
    for (size_t s = 0; s + 1 < models.size(); ++s) {
      std::vector<std::string> b;
      for (int k = 0; k < 40; ++k) b.push_back(vocab[word(rng)]);
      bases.push_back(b);
    }
    for (size_t m = 0; m < models.size(); ++m) {
      const auto& base = bases[m <= 1 ? 0 : m - 1];
      for (int s = 0; s < samples; ++s) {
        std::string text;
        for (const auto& w : base) text += (u(rng) < 0.2 ? vocab[word(rng)] : w) + " ";
        Record r;
        r.model = models[m];
        r.suite = "synthetic";
        r.item_id = "p" + std::to_string(p);
        r.sample = s;
        r.text = text;
        store.put_response(r);
      }
    }
  }
}

}  // namespace

TEST_CASE("mmd component: used with several samples per prompt, absent with one") {
  for (int samples : {1, 4}) {
    CAPTURE(samples);
    ds::test::TempDir dir;
    Store store(dir.file("m.db"));
    fill_sampled_store(store, samples);
    const auto corpus = load_corpus(store);
    const Detector detector(corpus);
    DetectOptions o;
    o.reference = {"teacher"};
    const auto r = detector.detect(o);
    REQUIRE(r.candidates.size() == 11);
    double student_z = NAN, best_indep_z = -INFINITY;
    bool mmd_evidence = false;
    for (const auto& c : r.candidates) {
      for (const auto& e : c.evidence)
        if (e.kind == "mmd") {
          mmd_evidence = true;
          if (c.model == "student") CHECK(e.prompt_ids.size() == 5);
        }
      for (const auto& k : c.components) {
        if (k.name != "mmd") continue;
        if (c.model == "student") student_z = k.z;
        else best_indep_z = std::max(best_indep_z, k.z);
      }
    }
    if (samples == 1) {
      CHECK(std::find(r.components.begin(), r.components.end(), "mmd") == r.components.end());
      CHECK_FALSE(mmd_evidence);
      CHECK(std::isnan(student_z));
    } else {
      CHECK(std::find(r.components.begin(), r.components.end(), "mmd") != r.components.end());
      CHECK(mmd_evidence);
      CHECK(student_z > 3.0);
      CHECK(student_z > best_indep_z + 2.0);
    }
  }
}

TEST_CASE("exact-ngrams: measured when the texts are loaded, absent otherwise") {
  ds::test::TempDir dir;
  Store store(dir.file("x.db"));
  fill_store(store, 10);
  DetectOptions o;
  o.reference = {"teacher"};
  o.components = {"exact-ngrams"};
  o.bootstrap = 0;
  const auto with_texts = load_corpus(store, {.first_texts = true});
  const auto r = Detector(with_texts).detect(o);
  CHECK(r.components == std::vector<std::string>{"exact-ngrams"});
  CHECK(r.candidates.front().model == "student");
  const auto without = load_corpus(store);
  const auto none = Detector(without).detect(o);
  CHECK(none.components.empty());
  CHECK(none.method.find("none measurable") != std::string::npos);
}
