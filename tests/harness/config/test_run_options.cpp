#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "harness/config/run_options.hpp"
#include "core/errors.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

// The error a config file gives for `field: value`, and the one the flag gives for `text`.
std::string file_error(const std::string& field, const std::string& value) {
  ds::test::TempDir dir;
  const std::string path = dir.file("c.yaml");
  std::ofstream(path) << "models: [openai:m]\n" << field << ": " << value << "\n";
  RunConfig c;
  try {
    load_run_config_file(path, c);
  } catch (const InputError& e) {
    const std::string what = e.what();
    return what.substr(what.find(": field '") + 2);  // without the path and line
  }
  return "";
}

std::string flag_error(const std::string& field, const std::string& text) {
  const RunOption* o = find_run_option(field);
  REQUIRE(o != nullptr);
  RunConfig c;
  try {
    apply_run_option(c, *o, run_option_value_from_text(*o, {text}, "--flag"), "--flag");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("every option is one config field and one flag, with a default shown") {
  std::set<std::string> fields, flags;
  for (const auto& o : run_options()) {
    CAPTURE(o.field);
    CHECK(fields.insert(o.field).second);
    CHECK(flags.insert(o.flags).second);
    CHECK(o.flags.rfind("--", 0) == 0);
    CHECK(o.set);
    CHECK(o.get);
    if (o.type == OptionType::integer) CHECK(o.int_min <= o.int_max);
    if (o.type == OptionType::number) CHECK(o.min <= o.max);
  }
  CHECK(run_option_default_text(*find_run_option("samples")) == "1");
  CHECK(run_option_default_text(*find_run_option("timeout")) == "120");
  CHECK(run_option_default_text(*find_run_option("max_response_bytes")) == "8388608");
  CHECK(run_option_default_text(*find_run_option("suites")) == "all");
  CHECK(run_option_default_text(*find_run_option("cache")) == ".distillscope-cache.db beside the store");
}

TEST_CASE("a file field and its flag are checked alike") {
  // The same message after "field 'X'" / "--flag": these disagreed before (top_p,
  // max_response_bytes) or overflowed silently (samples, concurrency, max_tokens).
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"top_p", "1.5"},         {"max_response_bytes", "100"}, {"samples", "3000000000"},
      {"concurrency", "4294967297"}, {"max_tokens", "3000000000"}, {"timeout", "1e17"},
      {"temperature", "-1"},    {"max_retries", "-3"},          {"limit", "0"}};
  for (const auto& [field, value] : bad) {
    CAPTURE(field);
    const std::string from_file = file_error(field, value);
    const std::string from_flag = flag_error(field, value);
    REQUIRE_FALSE(from_file.empty());
    REQUIRE_FALSE(from_flag.empty());
    CHECK(from_file.substr(from_file.find(": ") + 2) == from_flag.substr(from_flag.find(": ") + 2));
    CHECK(from_flag.size() < 120);  // human-sized
  }
  CHECK(flag_error("samples", "3000000000") ==
        "--flag: 3000000000 is out of range: must be an integer from 1 to 100000");
  CHECK(flag_error("timeout", "1e17") == "--flag: 1e+17 is out of range: must be a number from 0.001 to 86400");
}

TEST_CASE("numbers too large for their type are clear errors, not exceptions or wrap-arounds") {
  CHECK(flag_error("timeout", "1e999") == "--flag: '1e999' is out of range: must be a number from 0.001 to 86400");
  CHECK(flag_error("samples", std::string(400, '9')).size() < 160);
  CHECK(flag_error("samples", "12abc") == "--flag: '12abc' is not an integer (from 1 to 100000)");
  CHECK(file_error("samples", std::string(400, '9')).find("out of range") != std::string::npos);
  CHECK(file_error("timeout", "1e999") == "field 'timeout': the number 1e999 is out of range (too large for a double)");
  CHECK(file_error("samples", "2.5") == "field 'samples': must be an integer from 1 to 100000");
  CHECK(file_error("samples", "2.0").empty());  // an integral number is an integer
}

TEST_CASE("flags and fields land in the same RunConfig members") {
  RunConfig from_flags;
  for (const auto& [field, text] : std::vector<std::pair<std::string, std::string>>{
           {"samples", "3"}, {"seed", "7"}, {"top_p", "0.5"}, {"max_response_bytes", "2048"}, {"shard", "2/4"}}) {
    const RunOption& o = *find_run_option(field);
    apply_run_option(from_flags, o, run_option_value_from_text(o, {text}, "--x"), "--x");
  }
  CHECK(from_flags.samples == 3);
  CHECK(from_flags.params.seed == 7);
  CHECK(from_flags.generator_seed == 7u);
  CHECK(from_flags.params.top_p == doctest::Approx(0.5));
  CHECK(from_flags.max_response_bytes == 2048);
  CHECK(from_flags.shard.index == 2);
  const RunOption& progress = *find_run_option("progress");
  apply_run_option(from_flags, progress, run_option_value_from_text(progress, {}, "--no-progress"), "--no-progress");
  CHECK_FALSE(from_flags.progress);
  CHECK(flag_error("shard", "5/4").find("expected K/N") != std::string::npos);
}
