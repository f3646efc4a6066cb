#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "tasks/suite_resolver.hpp"

using namespace ds::tasks;

TEST_CASE("'all' expands to the built-in suites, without duplicates") {
  const auto suites = resolve_suites({"all", "math"}, std::nullopt);
  REQUIRE(suites.size() == builtin_suite_names().size());
  for (size_t i = 0; i < suites.size(); ++i) CHECK(suites[i].name == builtin_suite_names()[i]);
}

TEST_CASE("math-generated needs a seed and uses it") {
  CHECK_THROWS_WITH_AS(resolve_suites({"math-generated"}, std::nullopt),
                       doctest::Contains("needs a seed"), InputError);
  const auto a = resolve_suites({"math-generated", "probes"}, 11, 25);
  REQUIRE(a.size() == 2);
  CHECK(a[0].name == "math-generated");
  CHECK(a[0].items.size() == 25);
  CHECK(a[0].items[0].id == "math-gen-11-0001");
  CHECK(a[1].name == "probes");
  CHECK(resolve_suites({"math-generated"}, 11, 25)[0].sha256 == a[0].sha256);
}

TEST_CASE("unknown names and empty selections are input errors") {
  CHECK_THROWS_WITH_AS(resolve_suites({"no-such-suite"}, std::nullopt), doctest::Contains("unknown suite"),
                       InputError);
  CHECK_THROWS_AS(resolve_suites({}, std::nullopt), InputError);
}

TEST_CASE("a comma-separated suite list is split; a typo gets the closest name") {
  CHECK(split_suite_lists({"math,coding", "probes", " creativity , philosophy,"}) ==
        std::vector<std::string>{"math", "coding", "probes", "creativity", "philosophy"});
  const auto suites = resolve_suites({"math,coding"}, std::nullopt);
  REQUIRE(suites.size() == 2);
  CHECK(suites[0].name == "math");
  CHECK(suites[1].name == "coding");
  CHECK_THROWS_WITH_AS(resolve_suites({"maths"}, std::nullopt), doctest::Contains("(did you mean 'math'?)"),
                       InputError);
  CHECK_THROWS_WITH_AS(resolve_suites({"Coding"}, std::nullopt), doctest::Contains("(did you mean 'coding'?)"),
                       InputError);
}
