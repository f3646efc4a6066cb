// The labelled validation set of the creativity and philosophy scorers
// (tests/fixtures/scorer_validation/*.jsonl, written for this project): for each scorer, good,
// off-topic, constraint-breaking, empty and refusal answers to an item of the built-in suite,
// with the score each must get. docs/scorers.md quotes the results this test prints.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>

#include "scorers/scorer.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"

using namespace ds::scorers;
using ds::core::json;

namespace {

const std::set<std::string> kLabels = {"good", "off-topic", "constraint-breaking", "empty", "refusal"};

std::string reason_of(const Score& s) {
  for (const char* key : {"zero", "unscored"})
    if (s.details.contains(key)) return s.details[key].get<std::string>();
  return "";
}

// Whether `s` is what the case expects: a number (±0.005), a range [lo, hi], "unscored" or
// "needs_judge"; and its reason contains `why`.
bool as_expected(const json& expect, const Score& s, const std::string& why) {
  if (!why.empty() && reason_of(s).find(why) == std::string::npos) return false;
  if (expect.is_number()) return s.value && std::abs(*s.value - expect.get<double>()) <= 0.005;
  if (expect.is_array()) return s.value && *s.value >= expect[0].get<double>() && *s.value <= expect[1].get<double>();
  if (expect == "needs_judge") return !s.value && s.details.value("needs_judge", false);
  if (expect == "unscored") return !s.value && s.details.contains("unscored");
  return false;
}

void run_validation_set(const std::string& suite) {
  std::map<std::string, const ds::tasks::SuiteItem*> items;
  const auto loaded = ds::tasks::load_suite(suite);
  for (const auto& item : loaded.items) items[item.id] = &item;
  std::ifstream in(ds::test::fixture_path("scorer_validation/" + suite + ".jsonl"));
  REQUIRE(in);
  std::map<std::string, std::set<std::string>> labels;  // scorer → labels covered
  std::string line, table;
  int cases = 0, passed = 0;
  while (std::getline(in, line)) {
    const json c = json::parse(line);
    const std::string scorer = c["scorer"], label = c["label"], item_id = c["item"];
    CAPTURE(line);
    REQUIRE(items.count(item_id));
    const Score s = score_response(*items[item_id], c["answer"].get<std::string>(), ScoreContext{});
    const bool ok = as_expected(c["expect"], s, c.value("why", std::string()));
    CHECK(ok);
    labels[scorer].insert(label);
    ++cases;
    passed += ok;
    table += fmt::format("{:<12} {:<20} expected {:<12} got {:<8} {}\n", scorer, label, c["expect"].dump(),
                         s.value ? fmt::format("{:.3f}", *s.value) : "-", reason_of(s));
  }
  for (const auto& [scorer, covered] : labels) {
    CAPTURE(scorer);
    CHECK(covered == kLabels);  // every scorer is tried with every kind of answer
  }
  MESSAGE(suite << " validation set: " << passed << "/" << cases << " as expected\n" << table);
}

}  // namespace

TEST_CASE("the creativity scorers' validation set scores as labelled") { run_validation_set("creativity"); }

TEST_CASE("the philosophy scorers' validation set scores as labelled") { run_validation_set("philosophy"); }
