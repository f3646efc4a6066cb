#pragma once
// A suite: items loaded from tasks/suites/NAME.jsonl (or any file of that format).
#include <optional>
#include <string>
#include <vector>

#include "harness/core/json.hpp"
#include "harness/core/types.hpp"

namespace ds {

struct SuiteItem {
  std::string id;
  std::string suite;
  std::string system;
  std::vector<Message> messages;  // `prompt` becomes one user message
  json data;                      // the whole item, suite-specific fields included
};

struct Suite {
  std::string name;
  std::string version;
  std::string path;
  std::string sha256;  // of the file's bytes, recorded per run
  std::vector<SuiteItem> items;
};

// The folder of built-in suites: $DISTILLSCOPE_SUITES_DIR, else the source tree's tasks/suites.
std::string suites_dir();

// Names of the built-in suites, from the manifest (tasks/suites/manifest.json).
std::vector<std::string> builtin_suite_names();

// Loads a built-in suite by name, or a path to a .jsonl file. Every malformed line is an
// InputError naming file:line and the field.
Suite load_suite(const std::string& name_or_path);

// Parses one item; `where` is file:line for messages.
SuiteItem parse_suite_item(const json& value, const std::string& where);

}  // namespace ds
