#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "core/errors.hpp"
#include "results/store.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/lineage_features.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;  // load_corpus, and through it scorers, tasks and core
using namespace ds::scorers::lineage;

namespace {

// A teacher, a student that paraphrases the teacher's answers (copying most of its words and
// its habit phrases), and independent models that write their own answers from a shared
// vocabulary. All generated from a fixed seed.
void fill_store(Store& store, int independents) {
  std::mt19937_64 rng(99);
  const std::vector<std::string> vocab{
      "the", "a", "of", "to", "and", "in", "is", "that", "for", "it", "as", "with", "on",
      "this", "be", "are", "by", "at", "or", "from", "energy", "system", "people", "water",
      "model", "value", "time", "world", "answer", "result", "example", "first", "second",
      "number", "problem", "important", "consider", "simple", "large", "small", "city", "data"};
  std::uniform_int_distribution<size_t> word(0, vocab.size() - 1);
  auto sentence = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + vocab[word(rng)];
    return s + ". ";
  };
  std::vector<std::string> models{"teacher", "student"};
  for (int i = 0; i < independents; ++i) models.push_back("indep-" + std::to_string(i));
  for (const auto& m : models) store.upsert_model({m, "import", "", "test", false});
  std::uniform_real_distribution<double> u(0, 1);
  for (int p = 0; p < 40; ++p) {
    std::string teacher = "Certainly! Here is a detailed answer. ";
    for (int k = 0; k < 6; ++k) teacher += sentence(12);
    teacher += "I hope this helps clarify the topic!";
    for (const auto& m : models) {
      std::string text;
      if (m == "teacher") {
        text = teacher;
      } else if (m == "student") {
        // Keep 70% of the teacher's words, replace the rest.
        std::string w;
        for (size_t i = 0; i <= teacher.size(); ++i) {
          if (i == teacher.size() || teacher[i] == ' ') {
            text += (u(rng) < 0.7 ? w : vocab[word(rng)]) + " ";
            w.clear();
          } else {
            w += teacher[i];
          }
        }
      } else {
        text = "Answer: ";
        for (int k = 0; k < 6; ++k) text += sentence(12);
      }
      Record r;
      r.model = m;
      r.suite = "synthetic";
      r.item_id = "p" + std::to_string(p);
      r.text = text;
      store.put_response(r);
    }
  }
}

}  // namespace

TEST_CASE("detector flags the student of the reference and not the independents") {
  ds::test::TempDir dir;
  Store store(dir.file("d.db"));
  fill_store(store, 12);
  const auto corpus = load_corpus(store);
  const Detector detector(corpus);
  DetectOptions o;
  o.reference = "teacher";
  o.permutations = 200;
  const auto r = detector.detect(o);
  REQUIRE(r.candidates.size() == 13);
  CHECK(r.candidates.front().model == "student");
  CHECK(r.candidates.front().verdict == "distilled");
  CHECK(r.candidates.front().p_adjusted <= 0.05);
  REQUIRE(r.candidates.front().p_permutation);
  CHECK(*r.candidates.front().p_permutation < 0.01);
  int independent_flagged = 0;
  for (const auto& c : r.candidates) {
    CHECK(c.score >= 0.0);
    CHECK(c.score <= 1.0);
    if (c.model != "student" && c.verdict == "distilled") ++independent_flagged;
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
  o.reference = "nope";
  try {
    detector.detect(o);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("teacher") != std::string::npos);
    CHECK(std::string(e.what()).find("nope") != std::string::npos);
  }
}

TEST_CASE("shared phrases are the longest common word runs") {
  const auto p = shared_phrases("I hope this helps you with the task at hand today",
                                "Well, I hope this helps you with the task. Bye", 4, 3);
  REQUIRE_FALSE(p.empty());
  CHECK(p.front() == "i hope this helps you with the task");
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
    o.reference = "teacher";
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
      if (!c.components.count("mmd")) continue;
      if (c.model == "student") student_z = c.components.at("mmd");
      else best_indep_z = std::max(best_indep_z, c.components.at("mmd"));
    }
    if (samples == 1) {
      CHECK(r.method.find("mmd") == std::string::npos);
      CHECK_FALSE(mmd_evidence);
      CHECK(std::isnan(student_z));
    } else {
      CHECK(r.method.find("mmd") != std::string::npos);
      CHECK(mmd_evidence);
      CHECK(student_z > 3.0);
      CHECK(student_z > best_indep_z + 2.0);
    }
  }
}
