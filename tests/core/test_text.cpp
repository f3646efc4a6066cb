#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace ds::core;

TEST_CASE("closest_name suggests a name one or two edits away, and nothing for unrelated text") {
  const std::vector<std::string> names = {"math", "coding", "creativity", "philosophy", "probes"};
  CHECK(closest_name("maths", names) == "math");
  CHECK(closest_name("CODING", names) == "coding");
  CHECK(closest_name("filosophy", names) == "philosophy");
  CHECK(closest_name("prbes", names) == "probes");
  CHECK(closest_name("mt", names) == "");         // two edits of a two-letter word: not a typo
  CHECK(closest_name("weather", names) == "");
  CHECK(closest_name("", names) == "");
  CHECK(closest_name(std::string(1000, 'a'), names) == "");
}
