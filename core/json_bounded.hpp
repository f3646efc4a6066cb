#pragma once
// Bounded JSON input and safe JSON output. Every JSON text from outside (files, HTTP bodies,
// child processes) is read through parse_json/try_parse_json: bounded in size, depth and value
// count, so a hostile text can neither exhaust memory nor make a later recursive copy or dump
// overflow the stack. (parse_json_line/read_json_file in json.hpp use these with the default
// limits.)
#include <cstddef>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace ds::core {

struct JsonLimits {
  size_t max_bytes = 256u << 20;  // longer texts are refused before parsing
  size_t max_depth = 64;          // arrays and objects nested deeper are refused
  size_t max_values = 50'000'000; // values of any kind, containers included
};

// Limits for the JSON texts we read, per source (documented in docs/engine.md, "Limits").
namespace json_limits {
inline constexpr JsonLimits kConfig{1u << 20, 16, 100'000};
inline constexpr JsonLimits kSuiteLine{16u << 20, 32, 1'000'000};
inline constexpr JsonLimits kImport{256u << 20, 32, 50'000'000};
inline constexpr JsonLimits kServeRequest{4u << 20, 32, 200'000};
inline constexpr JsonLimits kEndpointReply{64u << 20, 32, 8'000'000};
inline constexpr JsonLimits kChildMessage{1u << 20, 16, 100'000};
}  // namespace json_limits

// Parses `text`. A syntax error, a number too large for a double (1e999), a text nested
// deeper or larger than `limits` is an InputError "SOURCE:LINE: ..." that names the field
// path where it can (e.g. "field 'usage.prompt_tokens'"). `first_line` is the line number of
// the text's first line in SOURCE (for JSONL).
json parse_json(std::string_view text, const std::string& source, const JsonLimits& limits = {},
                size_t first_line = 1);

// The same without exceptions: `error` is empty on success and then `value` is the document.
struct JsonParse {
  json value;
  std::string error;  // "line L: ..." without a source name
  bool ok() const { return error.empty(); }
};
JsonParse try_parse_json(std::string_view text, const JsonLimits& limits = {});

// Parses one line of a JSONL file with the given limits; errors name file:line.
json parse_json_line(const std::string& text, const std::string& file, size_t line_number,
                     const JsonLimits& limits);

// Reads a whole JSON file (refused before reading when larger than limits.max_bytes).
json read_json_file(const std::string& path, const JsonLimits& limits);

// The 1-based line of the top-level object key `key` in the JSON text, or 0 when absent:
// lets errors about a config field name its line.
size_t json_top_level_key_line(std::string_view text, std::string_view key);

// Serialises; invalid UTF-8 in strings becomes U+FFFD instead of an exception, so stored
// text from outside can never make an output fail.
std::string dump_json(const json& value, int indent = -1);

}  // namespace ds::core
