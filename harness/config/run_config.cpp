#include "harness/config/run_config.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/errors.hpp"
#include "harness/layer.hpp"
#include "harness/config/run_options.hpp"
#include "harness/config/yaml_fields.hpp"
#include "core/utf8.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness {

namespace {

std::string known_fields() {
  std::string out;
  for (const auto& o : run_options()) out += (out.empty() ? "" : ", ") + o.field;
  return out;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  Shard shard;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> shard.index >> slash >> shard.count) || slash != '/' || !in.eof() ||
      shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw InputError(fmt::format("shard '{}': expected K/N with 1 <= K <= N, e.g. 2/4",
                                 excerpt_for_message(text, 40)));
  }
  return shard;
}

void apply_config_field(RunConfig& c, const std::string& field, const json& v,
                        const std::string& where) {
  const std::string name = excerpt_for_message(field, 40);
  if (const RunOption* option = find_run_option(field)) {
    apply_run_option(c, *option, v, fmt::format("{}: field '{}'", where, name));
  } else if (field == "api_key" || field == "key") {
    throw InputError(fmt::format("{}: field '{}': API keys are never read from files; put the key in an "
                                 "environment variable and name it with api_key_env", where, name));
  } else {
    throw InputError(fmt::format("{}: unknown field '{}'; known fields: {}", where, name, known_fields()));
  }
}

void load_run_config_file(const std::string& path, RunConfig& config) {
  if (!std::filesystem::exists(path)) throw InputError(fmt::format("{}: config file not found", path));
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".json") {
    const json doc = read_json_file(path, json_limits::kConfig);
    if (!doc.is_object()) throw InputError(fmt::format("{}: the config must be a JSON object", path));
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& [field, value] : doc.items()) {
      const size_t line = json_top_level_key_line(text, field);
      apply_config_field(config, field, value, line ? fmt::format("{}:{}", path, line) : path);
    }
    return;
  }
  if (ext != ".yaml" && ext != ".yml")
    throw InputError(fmt::format("{}: config files are .yaml, .yml or .json", path));
  for (const auto& f : read_yaml_fields(path))
    apply_config_field(config, f.name, f.value, fmt::format("{}:{}", path, f.line));
}

void apply_environment(RunConfig& config) {
  if (const char* db = std::getenv("DISTILLSCOPE_DB"); db && *db) config.db = db;
  if (const char* cache = std::getenv("DISTILLSCOPE_CACHE"); cache && *cache) config.cache = cache;
}

}  // namespace ds::harness
