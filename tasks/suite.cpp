#include "tasks/suite.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/data_dir.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/sha256.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

namespace fs = std::filesystem;

std::string suites_dir() {
  if (const char* env = std::getenv("DISTILLSCOPE_SUITES_DIR"); env && *env) return env;
  return data_dir() + "/suites";
}

namespace {

json manifest() {
  const std::string path = suites_dir() + "/manifest.json";
  if (!fs::exists(path)) return json::object();
  return read_json_file(path);
}

}  // namespace

std::optional<SuiteKind> manifest_suite_kind(const std::string& suite) {
  // Read once per suites folder: items are parsed by the hundred.
  static std::map<std::string, json> manifests;
  const std::string dir = suites_dir();
  if (!manifests.count(dir)) manifests[dir] = manifest();
  const json& m = manifests[dir];
  if (!m.contains(suite) || !m[suite].is_object() || !m[suite].contains("kind") ||
      !m[suite]["kind"].is_string())
    return std::nullopt;
  return suite_kind_named(m[suite]["kind"].get<std::string>());
}

std::vector<std::string> builtin_suite_names() {
  std::vector<std::string> names;
  // Keep the manifest alive: items() of a temporary would iterate a destroyed object.
  const json m = manifest();
  for (const auto& [name, _] : m.items()) names.push_back(name);
  return names;
}

SuiteItem parse_suite_item(const json& v, const std::string& where) {
  if (!v.is_object()) throw InputError(fmt::format("{}: an item must be a JSON object", where));
  SuiteItem item;
  if (!v.contains("id") || !v["id"].is_string() || v["id"].get<std::string>().empty())
    throw InputError(fmt::format("{}: field 'id' is missing or not a non-empty string", where));
  item.id = v["id"].get<std::string>();
  if (!v.contains("suite") || !v["suite"].is_string())
    throw InputError(fmt::format("{}: field 'suite' is missing or not a string (item '{}')", where,
                                 item.id));
  item.suite = v["suite"].get<std::string>();
  if (v.contains("system")) {
    if (!v["system"].is_string())
      throw InputError(fmt::format("{}: field 'system' must be a string", where));
    item.system = v["system"].get<std::string>();
  }
  if (v.contains("messages")) {
    if (!v["messages"].is_array() || v["messages"].empty())
      throw InputError(fmt::format("{}: field 'messages' must be a non-empty array", where));
    size_t i = 0;
    for (const auto& m : v["messages"]) {
      if (!m.is_object() || !m.contains("role") || !m["role"].is_string() ||
          !m.contains("content") || !m["content"].is_string())
        throw InputError(fmt::format(
            "{}: messages[{}] must be an object with string 'role' and 'content'", where, i));
      const auto role = m["role"].get<std::string>();
      if (role != "user" && role != "assistant")
        throw InputError(fmt::format("{}: messages[{}].role must be 'user' or 'assistant', not '{}'",
                                     where, i, role));
      item.messages.push_back({role, m["content"].get<std::string>()});
      ++i;
    }
    if (item.messages.back().role != "user")
      throw InputError(fmt::format("{}: the last message must have role 'user'", where));
  } else if (v.contains("prompt")) {
    if (!v["prompt"].is_string() || v["prompt"].get<std::string>().empty())
      throw InputError(fmt::format("{}: field 'prompt' must be a non-empty string", where));
    item.messages.push_back({"user", v["prompt"].get<std::string>()});
  } else {
    throw InputError(fmt::format("{}: item '{}' needs 'prompt' or 'messages'", where, item.id));
  }
  item.data = v;
  item.kind = resolve_suite_kind(item.suite, v);
  return item;
}

std::vector<Message> conversation_with_answers(const SuiteItem& item, const std::vector<std::string>& answers) {
  std::vector<Message> out;
  size_t answered = 0;
  for (size_t i = 0; i < item.messages.size(); ++i) {
    out.push_back(item.messages[i]);
    if (i + 1 < item.messages.size() && answered < answers.size()) out.push_back({"assistant", answers[answered++]});
  }
  return out;
}

Suite load_suite(const std::string& name_or_path) {
  Suite suite;
  const json m = manifest();
  if (m.contains(name_or_path)) {
    suite.name = name_or_path;
    suite.path = suites_dir() + "/" + name_or_path + ".jsonl";
    suite.version = m[name_or_path].value("version", "0");
  } else if (fs::exists(name_or_path)) {
    suite.path = name_or_path;
    suite.name = fs::path(name_or_path).stem().string();
    suite.version = "file";
  } else {
    const std::vector<std::string> names = builtin_suite_names();
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    const std::string guess = closest_name(name_or_path, names);
    throw InputError(fmt::format("unknown suite '{}'{}: not a built-in suite ({}) nor a file", name_or_path,
                                 guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess),
                                 known.empty() ? "none found" : known));
  }
  std::ifstream in(suite.path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open suite file", suite.path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  suite.sha256 = sha256_hex(bytes);
  std::istringstream lines(bytes);
  std::string line;
  size_t line_number = 0;
  std::set<std::string> seen;
  while (std::getline(lines, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", suite.path, line_number);
    SuiteItem item = parse_suite_item(parse_json_line(line, suite.path, line_number), where);
    if (!seen.insert(item.id).second)
      throw InputError(fmt::format("{}: duplicate item id '{}'", where, item.id));
    suite.items.push_back(std::move(item));
  }
  if (suite.items.empty()) throw InputError(fmt::format("{}: the suite has no items", suite.path));
  return suite;
}

}  // namespace ds::tasks
