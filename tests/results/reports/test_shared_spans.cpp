#include <doctest/doctest.h>

#include "results/reports/shared_spans.hpp"

using namespace ds::results;

namespace {
std::string at(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); }
}  // namespace

TEST_CASE("a run of the detector's passage length is marked verbatim in both texts, case aside") {
  const std::string a = "Well. As a large language model, I cannot browse the web today.";
  const std::string b = "Sorry: as a LARGE language model, I cannot browse the web, but here is a guess.";
  const SharedSpans s = shared_spans(a, b);
  REQUIRE(s.in_a.size() == 1);
  REQUIRE(s.in_b.size() == 1);
  CHECK(at(a, s.in_a[0]) == "As a large language model, I cannot browse the web");
  CHECK(at(b, s.in_b[0]) == "as a LARGE language model, I cannot browse the web");
}

TEST_CASE("runs shorter than the minimum are not marked") {
  const SharedSpans s = shared_spans("the cat sat on the mat", "a cat sat on a mat", 4);
  CHECK(s.in_a.empty());
  CHECK(s.in_b.empty());
  const SharedSpans t = shared_spans("the cat sat on the mat", "my cat sat on the rug", 4);
  REQUIRE(t.in_a.size() == 1);
  CHECK(at("the cat sat on the mat", t.in_a[0]) == "cat sat on the");
}

TEST_CASE("several shared phrases are separate spans; unrelated texts share none") {
  const std::string a = "one two three four five six. alpha beta gamma delta epsilon zeta.";
  const std::string b = "alpha beta gamma delta epsilon zeta, then one two three four five six";
  const SharedSpans s = shared_spans(a, b, 6);
  CHECK(s.in_a.size() == 2);
  CHECK(s.in_b.size() == 2);
  CHECK(covered_bytes(s.in_a) > 40);
  CHECK(shared_spans("completely different words here and there", "nothing in common at all with it", 3).in_a.empty());
  // Punctuation is a token, as in the detector's passages: a different mark breaks the run.
  CHECK(shared_spans("one two three. four five six", "one two three, four five six", 4).in_a.empty());
}
