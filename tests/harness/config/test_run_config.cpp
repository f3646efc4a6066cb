#include <doctest/doctest.h>

#include <fstream>

#include "harness/config/run_config.hpp"
#include "core/errors.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {
std::string write(const ds::test::TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("YAML and JSON configs fill the same fields") {
  ds::test::TempDir dir;
  RunConfig from_yaml, from_json;
  load_run_config_file(write(dir, "c.yaml",
                             "models: [openai:a@http://127.0.0.1:1/v1]\n"
                             "suites:\n  - math\n  - coding\n"
                             "samples: 3\ntemperature: 0.7\nshard: 2/4\nrefresh: true\n"),
                       from_yaml);
  load_run_config_file(write(dir, "c.json",
                             R"({"models": ["openai:a@http://127.0.0.1:1/v1"],
                                 "suites": ["math", "coding"], "samples": 3,
                                 "temperature": 0.7, "shard": "2/4", "refresh": true})"),
                       from_json);
  for (const RunConfig* c : {&from_yaml, &from_json}) {
    CHECK(c->models == std::vector<std::string>{"openai:a@http://127.0.0.1:1/v1"});
    CHECK(c->suites == std::vector<std::string>{"math", "coding"});
    CHECK(c->samples == 3);
    CHECK(c->params.temperature == doctest::Approx(0.7));
    CHECK(c->shard.index == 2);
    CHECK(c->shard.count == 4);
    CHECK(c->refresh);
  }
}

TEST_CASE("config errors name the file, line and field") {
  ds::test::TempDir dir;
  RunConfig c;
  CHECK_THROWS_WITH_AS(load_run_config_file(write(dir, "a.yaml", "samples: 2\nsampels: 3\n"), c),
                       doctest::Contains("a.yaml:2: unknown field 'sampels'"), InputError);
  CHECK_THROWS_WITH_AS(load_run_config_file(write(dir, "b.yaml", "samples: many\n"), c),
                       doctest::Contains("b.yaml:1: field 'samples': must be an integer"),
                       InputError);
  CHECK_THROWS_WITH_AS(load_run_config_file(write(dir, "c.json", "{\n  \"concurrency\": 0\n}"), c),
                       doctest::Contains("c.json:2: field 'concurrency': 0 is out of range: must be an integer "
                                         "from 1 to 10000"),
                       InputError);
  CHECK_THROWS_WITH_AS(load_run_config_file(write(dir, "d.yaml", "models: [a\n"), c),
                       doctest::Contains("d.yaml:"), InputError);
  CHECK_THROWS_WITH_AS(load_run_config_file(write(dir, "e.yaml", "api_key: sk-123\n"), c),
                       doctest::Contains("environment variable"), InputError);
  CHECK_THROWS_AS(load_run_config_file(dir.file("missing.yaml"), c), InputError);
}

TEST_CASE("shard parsing accepts K/N and rejects the rest") {
  CHECK(parse_shard("3/5").index == 3);
  CHECK(parse_shard("3/5").count == 5);
  CHECK_THROWS_AS(parse_shard("0/5"), InputError);
  CHECK_THROWS_AS(parse_shard("6/5"), InputError);
  CHECK_THROWS_AS(parse_shard("2-5"), InputError);
  CHECK_THROWS_AS(parse_shard("2/5x"), InputError);
}
