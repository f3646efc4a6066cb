#pragma once
// A YAML config file read as a mapping of fields, each with the line it is on. Built from
// parser events, never from yaml-cpp's node tree: aliases are refused (a self-referencing
// alias would recurse forever, "billion laughs" would expand without bound), the file size
// and nesting depth are bounded, and keys must be scalars.
#include <string>
#include <vector>

#include "harness/layer.hpp"
#include "core/json.hpp"

namespace ds::harness {

struct YamlField {
  std::string name;
  size_t line = 0;  // 1-based line of the key
  json value;       // scalars typed as YAML spells them: 3 integer, 0.5 number, true, "text"
};

struct YamlLimits {
  size_t max_bytes = 1u << 20;
  size_t max_depth = 16;
};

// The fields of the top-level mapping (empty for an empty file). InputError naming the file
// and line for invalid YAML, an alias, a non-scalar key, a repeated field, a number out of
// range (1e999), a file too large or nested too deep, or a top level that is not a mapping.
std::vector<YamlField> read_yaml_fields(const std::string& path, const YamlLimits& limits = {});

}  // namespace ds::harness
