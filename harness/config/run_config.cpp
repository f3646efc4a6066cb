#include "harness/config/run_config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/errors.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

const std::vector<ConfigField>& run_config_fields() {
  static const std::vector<ConfigField> fields = {
      {"models", "list of strings", "model specs PROVIDER:MODEL[@BASE_URL]"},
      {"reference", "string", "reference model for detection after the run"},
      {"suites", "list of strings", "suite names or .jsonl paths; 'all' = every built-in suite"},
      {"samples", "integer >= 1", "samples per item (separate requests where the API has no n)"},
      {"limit", "integer >= 1", "at most this many items per suite"},
      {"seed", "integer", "sampling seed sent to the endpoint and seed of generated suites"},
      {"temperature", "number", "sampling temperature"},
      {"top_p", "number", "nucleus sampling"},
      {"max_tokens", "integer", "completion token limit"},
      {"stop", "list of strings", "stop sequences"},
      {"logprobs", "boolean", "ask for token log-probabilities where offered"},
      {"top_logprobs", "integer", "alternatives per token with logprobs"},
      {"system", "string", "system prompt for items without their own"},
      {"concurrency", "integer >= 1", "requests in flight per endpoint"},
      {"requests_per_minute", "number", "token-bucket limit on requests (0 = none)"},
      {"tokens_per_minute", "number", "token-bucket limit on tokens (0 = none)"},
      {"max_retries", "integer >= 0", "retries before an item is recorded as failed"},
      {"timeout", "number (seconds)", "per-request timeout"},
      {"max_response_bytes", "integer", "larger responses are failed attempts"},
      {"db", "string", "results store path"},
      {"cache", "string", "cache file (default: beside the store)"},
      {"no_cache", "boolean", "neither read nor write the cache"},
      {"refresh", "boolean", "ignore cached and stored answers, ask again"},
      {"jsonl", "string", "stream one record per response to this file"},
      {"shard", "string K/N", "run a deterministic 1/N of the work"},
      {"judge", "string", "judge model spec for free-response items"},
      {"api_key_env", "string", "environment variable holding the API key"},
      {"progress", "boolean", "show progress"},
      {"fail_on", "list of strings", "CI gates: 'SUITE<X' on mean score, or 'distilled' (which also fails on insufficient evidence)"},
      {"allow_insufficient", "boolean", "the 'distilled' gate passes when the evidence is insufficient"},
  };
  return fields;
}

namespace {

std::string known_fields() {
  std::string out;
  for (const auto& f : run_config_fields()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

[[noreturn]] void bad(const std::string& where, const std::string& field, const std::string& why) {
  throw InputError(fmt::format("{}: field '{}': {}", where, field, why));
}

std::vector<std::string> string_list(const json& v, const std::string& where,
                                     const std::string& field) {
  if (v.is_string()) return {v.get<std::string>()};
  if (!v.is_array()) bad(where, field, "must be a list of strings");
  std::vector<std::string> out;
  for (const auto& e : v) {
    if (!e.is_string()) bad(where, field, "must be a list of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::string string_value(const json& v, const std::string& where, const std::string& field) {
  if (!v.is_string()) bad(where, field, "must be a string");
  return v.get<std::string>();
}

double number_value(const json& v, const std::string& where, const std::string& field,
                    double min) {
  if (!v.is_number()) bad(where, field, "must be a number");
  const double d = v.get<double>();
  if (d < min) bad(where, field, fmt::format("must be at least {}", min));
  return d;
}

int64_t integer_value(const json& v, const std::string& where, const std::string& field,
                      int64_t min) {
  if (!v.is_number_integer()) bad(where, field, "must be an integer");
  const int64_t i = v.get<int64_t>();
  if (i < min) bad(where, field, fmt::format("must be at least {}", min));
  return i;
}

bool bool_value(const json& v, const std::string& where, const std::string& field) {
  if (!v.is_boolean()) bad(where, field, "must be true or false");
  return v.get<bool>();
}

// YAML scalars arrive untyped; give them the JSON type they spell.
json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& e : node) out.push_back(yaml_to_json(e));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : node) out[kv.first.as<std::string>()] = yaml_to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string s = node.Scalar();
      if (node.Tag() == "!") return s;  // quoted
      if (s == "true" || s == "True" || s == "yes") return true;
      if (s == "false" || s == "False" || s == "no") return false;
      if (s == "null" || s == "~") return nullptr;
      try {
        size_t pos = 0;
        const long long i = std::stoll(s, &pos);
        if (pos == s.size()) return i;
        const double d = std::stod(s, &pos);
        if (pos == s.size()) return d;
      } catch (...) {
      }
      return s;
    }
  }
  return nullptr;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  Shard shard;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> shard.index >> slash >> shard.count) || slash != '/' || !in.eof() ||
      shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw InputError(fmt::format("shard '{}': expected K/N with 1 <= K <= N, e.g. 2/4", text));
  }
  return shard;
}

void apply_config_field(RunConfig& c, const std::string& field, const json& v,
                        const std::string& where) {
  if (field == "models") c.models = string_list(v, where, field);
  else if (field == "reference") c.reference = string_value(v, where, field);
  else if (field == "suites") c.suites = string_list(v, where, field);
  else if (field == "samples") c.samples = static_cast<int>(integer_value(v, where, field, 1));
  else if (field == "limit") c.limit = static_cast<int>(integer_value(v, where, field, 1));
  else if (field == "seed") {
    c.params.seed = integer_value(v, where, field, 0);
    c.generator_seed = static_cast<uint64_t>(*c.params.seed);
  }
  else if (field == "temperature") c.params.temperature = number_value(v, where, field, 0);
  else if (field == "top_p") c.params.top_p = number_value(v, where, field, 0);
  else if (field == "max_tokens") c.params.max_tokens = static_cast<int>(integer_value(v, where, field, 1));
  else if (field == "stop") c.params.stop = string_list(v, where, field);
  else if (field == "logprobs") c.params.logprobs = bool_value(v, where, field);
  else if (field == "top_logprobs") c.params.top_logprobs = static_cast<int>(integer_value(v, where, field, 0));
  else if (field == "system") c.system = string_value(v, where, field);
  else if (field == "concurrency") c.concurrency = static_cast<int>(integer_value(v, where, field, 1));
  else if (field == "requests_per_minute") c.requests_per_minute = number_value(v, where, field, 0);
  else if (field == "tokens_per_minute") c.tokens_per_minute = number_value(v, where, field, 0);
  else if (field == "max_retries") c.max_retries = static_cast<int>(integer_value(v, where, field, 0));
  else if (field == "timeout") c.timeout_seconds = number_value(v, where, field, 0.001);
  else if (field == "max_response_bytes") c.max_response_bytes = static_cast<size_t>(integer_value(v, where, field, 1024));
  else if (field == "db") c.db = string_value(v, where, field);
  else if (field == "cache") c.cache = string_value(v, where, field);
  else if (field == "no_cache") c.no_cache = bool_value(v, where, field);
  else if (field == "refresh") c.refresh = bool_value(v, where, field);
  else if (field == "jsonl") c.jsonl = string_value(v, where, field);
  else if (field == "shard") {
    try {
      c.shard = parse_shard(string_value(v, where, field));
    } catch (const InputError& e) {
      bad(where, field, e.what());
    }
  }
  else if (field == "judge") c.judge = string_value(v, where, field);
  else if (field == "api_key_env") c.api_key_env = string_value(v, where, field);
  else if (field == "progress") c.progress = bool_value(v, where, field);
  else if (field == "fail_on") c.fail_on = string_list(v, where, field);
  else if (field == "allow_insufficient") c.allow_insufficient = bool_value(v, where, field);
  else if (field == "api_key" || field == "key") {
    bad(where, field, "API keys are never read from files; put the key in an environment "
                      "variable and name it with api_key_env");
  } else {
    throw InputError(fmt::format("{}: unknown field '{}'; known fields: {}", where, field,
                                 known_fields()));
  }
}

void load_run_config_file(const std::string& path, RunConfig& config) {
  if (!std::filesystem::exists(path)) throw InputError(fmt::format("{}: config file not found", path));
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".json") {
    const json doc = read_json_file(path);
    if (!doc.is_object()) throw InputError(fmt::format("{}: the config must be a JSON object", path));
    for (const auto& [field, value] : doc.items()) apply_config_field(config, field, value, path);
    return;
  }
  if (ext != ".yaml" && ext != ".yml")
    throw InputError(fmt::format("{}: config files are .yaml, .yml or .json", path));
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}:{}: not valid YAML ({})", path, e.mark.line + 1, e.msg));
  }
  if (doc.IsNull()) return;
  if (!doc.IsMap()) throw InputError(fmt::format("{}: the config must be a mapping of fields", path));
  for (const auto& kv : doc) {
    const std::string where = fmt::format("{}:{}", path, kv.first.Mark().line + 1);
    apply_config_field(config, kv.first.as<std::string>(), yaml_to_json(kv.second), where);
  }
}

void apply_environment(RunConfig& config) {
  if (const char* db = std::getenv("DISTILLSCOPE_DB"); db && *db) config.db = db;
  if (const char* cache = std::getenv("DISTILLSCOPE_CACHE"); cache && *cache) config.cache = cache;
}

}  // namespace ds::harness
