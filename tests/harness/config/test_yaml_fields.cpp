#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>

#include "harness/config/yaml_fields.hpp"
#include "core/errors.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {
std::string write(const ds::test::TempDir& dir, const std::string& text) {
  const std::string path = dir.file("c.yaml");
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("fields keep their line and their YAML type") {
  ds::test::TempDir dir;
  const auto fields = read_yaml_fields(write(dir, "# comment\nsamples: 3\ntemperature: 0.5\nname: '3'\nlist: [a, b]\n"
                                                  "nested:\n  x: yes\n"));
  REQUIRE(fields.size() == 5);
  CHECK(fields[0].name == "samples");
  CHECK(fields[0].line == 2);
  CHECK(fields[0].value == 3);
  CHECK(fields[1].value == 0.5);
  CHECK(fields[2].value == "3");  // quoted: text
  CHECK(fields[3].value == json::array({"a", "b"}));
  CHECK(fields[4].value == json{{"x", true}});
  CHECK(read_yaml_fields(write(dir, "")).empty());
}

TEST_CASE("aliases are refused: a self-reference and billion laughs end at once") {
  ds::test::TempDir dir;
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "models: &a [*a]\n")),
                       doctest::Contains("c.yaml:1: field 'models': YAML aliases"), InputError);
  std::string laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c)
    laughs += fmt::format("{}: &{} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n", c, c, fmt::arg("p", char(c - 1)));
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, laughs)), doctest::Contains("c.yaml:2: field 'b': YAML aliases"),
                       InputError);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("non-scalar keys, repeated fields, deep nesting and huge files name the file and line") {
  ds::test::TempDir dir;
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "samples: 1\n[a, b]: 2\n")),
                       doctest::Contains("c.yaml:2: a key must be a plain value, not a list or mapping"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "samples: 1\n? {a: 1}\n: 2\n")),
                       doctest::Contains("c.yaml:2: a key must be a plain value"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "samples: 1\nsamples: 2\n")),
                       doctest::Contains("c.yaml:2: field 'samples' is given twice"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "x: " + std::string(40, '[') + std::string(40, ']') + "\n")),
                       doctest::Contains("nested deeper than 16 levels"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "x: \"" + std::string(2u << 20, 'a') + "\"\n")),
                       doctest::Contains("config files are limited to 1048576 bytes"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "- a\n- b\n")),
                       doctest::Contains("the config must be a mapping"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "x: [a\n")), doctest::Contains("not valid YAML"), InputError);
  CHECK_THROWS_WITH_AS(read_yaml_fields(write(dir, "samples: 1\ntimeout: 1e999\n")),
                       doctest::Contains("c.yaml:2: field 'timeout': the number 1e999 is out of range (too large for a double)"),
                       InputError);
}
