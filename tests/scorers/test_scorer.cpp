// Every scorer's text handling is linear in the answer: each kind reads answers at the 8 MiB
// cap (run_config.hpp, max_response_bytes) built from the patterns that made scanners
// quadratic (a run of '*' took minutes in the creativity list reader). The sizes are the cap
// itself; what is asserted is that each finishes with a score and the bounds the scorers keep.
// The timing figures are in bench/bench_scorers.cpp, not here.
#include <doctest/doctest.h>

#include "scorers/coding/code_extract.hpp"
#include "scorers/creativity/aut.hpp"
#include "scorers/scorer.hpp"

using namespace ds::scorers;

namespace {

constexpr size_t kCap = 8u << 20;

std::string repeated(const std::string& piece) {
  std::string out;
  out.reserve(kCap + piece.size());
  while (out.size() + piece.size() <= kCap) out += piece;
  return out;
}

SuiteItem item(const std::string& suite, SuiteKind kind, json data) {
  data["id"] = suite + "-1";
  data["suite"] = suite;
  return {suite + "-1", suite, kind, "", {{"user", "p"}}, data};
}

std::vector<SuiteItem> items_of_every_kind() {
  return {
      item("math", SuiteKind::math, {{"answer", "4"}}),
      item("creativity", SuiteKind::creativity, {{"task", "aut"}, {"object", "brick"}}),
      item("creativity", SuiteKind::creativity, {{"task", "dat"}}),
      item("creativity", SuiteKind::creativity,
           {{"task", "constrained"},
            {"constraints", {{"max_words", 50}, {"forbidden_letter", "e"}, {"required_words", {"moon"}},
                             {"forbidden_words", {"sun"}}, {"acrostic", "MOON"}, {"lines", 4},
                             {"rhyme_scheme", "AABB"}}}}),
      item("philosophy", SuiteKind::philosophy,
           {{"choices", {"switch", "don't switch"}}, {"human_distribution", {{"switch", 0.6}, {"don't switch", 0.1}}}}),
      item("probes", SuiteKind::probes, {{"probe", "identity"}}),
      item("probes", SuiteKind::probes, {{"probe", "cutoff"}}),
      item("exact", SuiteKind::exact, {{"answer", "4"}}),
      item("regex", SuiteKind::regex, {{"pattern", "^[0-9]+$"}}),
      item("contains", SuiteKind::contains, {{"contains", {"needle"}}}),
      item("choice", SuiteKind::choice, {{"choices", {"A", "B"}}, {"answer", "A"}}),
  };
}

const std::vector<std::string>& hostile_patterns() {
  static const std::vector<std::string> patterns = {
      "*", "1. a\n", "- brick wall\n", "!", "answer ", "\\boxed{", "Choice: ", "```\n", "a, ",
  };
  return patterns;
}

}  // namespace

TEST_CASE("every scorer reads an answer at the 8 MiB cap in linear time, each hostile pattern") {
  const ScoreContext ctx;
  for (const auto& pattern : hostile_patterns()) {
    const std::string answer = repeated(pattern);
    CAPTURE(pattern);
    for (const auto& it : items_of_every_kind()) {
      CAPTURE(it.data.dump());
      const Score s = score_response(it, answer, ctx);
      CHECK((s.value.has_value() || s.details.contains("unscored")));
    }
    CHECK(extract_code(answer, "f").size() <= answer.size());
  }
}

TEST_CASE("AUT reads at most kAutMaxUses uses of an answer, each key at most kAutMaxKeyWords words") {
  const AutAnswer many = parse_aut_answer(repeated("- a doorstop for the wind\n"), "brick");
  CHECK(many.uses.size() == kAutMaxUses);
  std::string long_use = "- ";
  for (int i = 0; i < 10'000; ++i) long_use += "word" + std::string(1, static_cast<char>('a' + i % 26)) +
                                               std::string(1, static_cast<char>('a' + i / 26 % 26)) + " ";
  const AutAnswer one = parse_aut_answer(long_use, "brick");
  REQUIRE(one.ideas.size() == 1);
  CHECK(one.ideas[0].size() == kAutMaxKeyWords);
}
