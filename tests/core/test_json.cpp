#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "core/json.hpp"
#include "core/json_bounded.hpp"

using namespace ds::core;

namespace {
std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST_CASE("a 300,000-deep array is refused with its line, not a stack overflow") {
  const std::string text = "{\n\"content\": " + nested_arrays(300'000) + "}";
  const JsonParse parsed = try_parse_json(text);
  CHECK_FALSE(parsed.ok());
  CHECK(parsed.error == "line 2: nested deeper than 64 levels");
  CHECK_THROWS_WITH_AS(parse_json(text, "req.json"), "req.json:2: not valid JSON: nested deeper than 64 levels",
                       InputError);
  // At the limit it parses, and a copy and a dump of the result are safe.
  const json ok = parse_json(nested_arrays(64), "x");
  const json copy = ok;
  CHECK(dump_json(copy) == nested_arrays(64));
}

TEST_CASE("1e999 names the line and the field path") {
  const std::string text = "{\"a\": 1,\n \"usage\": {\"tokens\": [1, 1e999]}}";
  CHECK_THROWS_WITH_AS(parse_json(text, "c.json"),
                       "c.json:2: not valid JSON: field 'usage.tokens[1]': number 1e999 is out of range "
                       "(too large for a double)",
                       InputError);
  // A JSONL line reports the line of the file.
  CHECK_THROWS_WITH_AS(parse_json_line("{\"x\": -1e400}", "f.jsonl", 7), doctest::Contains("f.jsonl:7:"),
                       InputError);
  // A huge number in a message stays human-sized.
  const std::string huge = "[" + std::string(30'000, '9') + "e999]";
  const JsonParse parsed = try_parse_json(huge);
  CHECK_FALSE(parsed.ok());
  CHECK(parsed.error.size() < 200);
}

TEST_CASE("size and value-count limits") {
  const JsonLimits small{100, 8, 5};
  CHECK(try_parse_json(std::string(200, ' ') + "1", small).error.find("more than the limit of 100 bytes") !=
        std::string::npos);
  CHECK(try_parse_json("[1,2,3,4]", small).ok());  // 5 values: the array and four numbers
  CHECK(try_parse_json("[1,2,3,4,5]", small).error == "line 1: more than 5 values");
}

TEST_CASE("syntax errors are short and name the line") {
  const JsonParse parsed = try_parse_json("{\n\"a\": tru\n}");
  CHECK_FALSE(parsed.ok());
  CHECK(parsed.error.rfind("line 2: ", 0) == 0);
  const std::string long_token = "\"" + std::string(100'000, 'x');  // unterminated string
  CHECK(try_parse_json(long_token).error.size() < 300);
}

TEST_CASE("dump_json replaces invalid UTF-8 instead of throwing") {
  const json v = {{"model", std::string("bad\xff\xfe name")}, {"cut", std::string("\xe2\x82")}};
  const std::string out = dump_json(v);
  CHECK(out.find("bad\xef\xbf\xbd") != std::string::npos);
  CHECK(try_parse_json(out).ok());
}

TEST_CASE("top-level key lines for config errors") {
  const std::string text = "{\n  \"models\": [\"a\"],\n  \"nested\": {\"samples\": 1},\n  \"samples\": 3\n}";
  CHECK(json_top_level_key_line(text, "models") == 2);
  CHECK(json_top_level_key_line(text, "samples") == 4);  // not the nested one
  CHECK(json_top_level_key_line(text, "missing") == 0);
}
