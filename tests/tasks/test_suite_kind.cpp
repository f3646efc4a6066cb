#include <doctest/doctest.h>

#include "tasks/math_generator.hpp"
#include "tasks/suite.hpp"
#include "tasks/suite_kind.hpp"

using namespace ds::tasks;

TEST_CASE("every registered kind is found by its name and has a field check") {
  for (const auto& info : suite_kinds()) {
    CHECK(suite_kind_named(info.name) == info.kind);
    CHECK_FALSE(info.needs.empty());  // messages can say what the kind reads
    CHECK(&suite_kind_info(info.kind) == &info);
  }
  CHECK_FALSE(suite_kind_named("mth"));
  CHECK(suite_kind_names().find("contains") != std::string::npos);
}

TEST_CASE("an item's kind: its own field, else the manifest's, else the suite's name") {
  CHECK(resolve_suite_kind("my-suite", json{{"kind", "math"}}) == SuiteKind::math);
  CHECK(resolve_suite_kind("my-suite", json{{"kind", "regex"}}) == SuiteKind::regex);
  // A "kind" that names no suite kind (philosophy's forced/free) falls back to the suite.
  CHECK(resolve_suite_kind("philosophy", json{{"kind", "forced"}}) == SuiteKind::philosophy);
  CHECK(resolve_suite_kind("coding", json::object()) == SuiteKind::coding);
  CHECK_FALSE(resolve_suite_kind("my-suite", json{{"kind", "free"}}));
  CHECK_FALSE(resolve_suite_kind("my-suite", json::object()));
}

TEST_CASE("generated math items are of kind math") {
  const Suite suite = generate_math_suite(7, 5);
  REQUIRE(suite.items.size() == 5);
  for (const auto& item : suite.items) {
    CHECK(item.suite == kGeneratedMathSuite);
    CHECK(item.kind == SuiteKind::math);
  }
}

TEST_CASE("generic kinds check the fields they score with") {
  Problems out;
  check_choice(json{{"choices", {"a", "b"}}, {"answer", "c"}}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].field == "answer");
  out.clear();
  check_contains(json{{"contains", json::array()}}, out);
  CHECK(out.size() == 1);
  out.clear();
  check_exact(json{{"answer", "Paris"}}, out);
  check_regex(json{{"pattern", "^4[0-9]$"}}, out);
  check_contains(json{{"contains", {"alpha", "beta"}}}, out);
  CHECK(out.empty());
}
