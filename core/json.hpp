#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace ds::core {

using json = nlohmann::json;

// Parses one line of a JSONL file; a syntax error becomes an InputError naming file:line.
json parse_json_line(const std::string& text, const std::string& file, size_t line_number);

// Reads a whole JSON file; errors name the file and the byte offset.
json read_json_file(const std::string& path);

// Serialises with sorted keys and no whitespace: the canonical form hashed by the cache.
std::string canonical_json(const json& value);

}  // namespace ds::core
