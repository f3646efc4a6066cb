#include <doctest/doctest.h>

#include <set>

#include "harness/server/sim_generated_personas.hpp"
#include "harness/server/sim_persona.hpp"

using namespace ds::harness::server;

TEST_CASE("generated personas are deterministic, distinct and independent of the teacher") {
  const auto a = generated_independent_personas(8);
  const auto b = generated_independent_personas(8);
  REQUIRE(a.size() == 8);
  std::set<std::string> names, vendors;
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].name == b[i].name);
    CHECK(a[i].openers == b[i].openers);
    CHECK(a[i].parent.empty());
    CHECK(a[i].copy_rate == 0);
    names.insert(a[i].name);
    vendors.insert(a[i].vendor);
  }
  CHECK(names.size() == 8);
  CHECK(vendors.size() == 8);
  CHECK(a[0].name == "sim-independent-d");
  const Persona* teacher = find_persona("sim-teacher");
  REQUIRE(teacher);
  for (const auto& p : a)
    for (const auto& opener : p.openers)
      for (const auto& t : teacher->openers) CHECK(opener != t);
  CHECK(find_persona("sim-independent-k") != nullptr);
}
