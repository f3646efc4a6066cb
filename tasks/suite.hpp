#pragma once
// A suite: items loaded from tasks/suites/NAME.jsonl (or any file of that format).
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/types.hpp"
#include "tasks/suite_kind.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

struct SuiteItem {
  std::string id;
  std::string suite;
  std::optional<SuiteKind> kind;  // how it is checked, scored and simulated; nullopt: unknown
  std::string system;
  std::vector<Message> messages;  // `prompt` becomes one user message
  json data;                      // the whole item, suite-specific fields included
  // Turn k of a multi-turn benchmark (MT-bench): `messages` holds the k user turns, and the
  // items of turns 1..k-1 are named here, in order. Each is answered first, and its answer by
  // the same model (same sample) goes after its user turn: never another model's answer.
  std::vector<std::string> earlier_turns;
};

struct Suite {
  std::string name;
  std::string version;
  std::string path;
  std::string sha256;  // of the file's bytes, recorded per run
  std::vector<SuiteItem> items;
  bool stored = false;  // imported prompts read from the results store: not written back
};

// The conversation sent for `item`: its messages with the model's own answers to the earlier
// turns (`answers[i]` answers `item.earlier_turns[i]`) after each user turn but the last.
std::vector<Message> conversation_with_answers(const SuiteItem& item, const std::vector<std::string>& answers);

// The folder of built-in suites: $DISTILLSCOPE_SUITES_DIR, else data_dir()/suites (copied
// from tasks/suites into the build tree and installed under share/distillscope).
std::string suites_dir();

// Names of the built-in suites, from the manifest (tasks/suites/manifest.json).
std::vector<std::string> builtin_suite_names();

// The kind the manifest gives a built-in suite ("kind" of its entry), or nullopt.
std::optional<SuiteKind> manifest_suite_kind(const std::string& suite);

// Loads a built-in suite by name, or a path to a .jsonl file. Every malformed line is an
// InputError naming file:line and the field.
Suite load_suite(const std::string& name_or_path);

// Parses one item; `where` is file:line for messages.
SuiteItem parse_suite_item(const json& value, const std::string& where);

}  // namespace ds::tasks
