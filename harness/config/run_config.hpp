#pragma once
// Everything a `run` needs, from a YAML or JSON config file with flags layered on top
// (flags > environment > file > defaults).
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct Shard {
  int index = 1;  // K in K/N, 1-based
  int count = 1;  // N
};

// The typed result of flags, environment, config file and defaults. The member initialisers
// are the only defaults (run_options.cpp reads them for --help).
struct RunConfig {
  std::vector<std::string> models;  // PROVIDER:MODEL[@BASE_URL]
  std::string reference;            // optional reference model spec or store name
  std::vector<std::string> suites = {"all"};
  int samples = 1;
  std::optional<int> limit;         // at most this many items per suite
  std::optional<uint64_t> generator_seed;  // seed for generated suites (math-generated)
  GenParams params;
  std::string system;               // system prompt for items that have none
  int concurrency = 64;
  double requests_per_minute = 0;
  double tokens_per_minute = 0;
  int max_retries = 6;
  double timeout_seconds = 120;
  size_t max_response_bytes = 8u << 20;
  std::string db = "results.db";
  std::string cache;                // cache file; "" = beside the store
  bool no_cache = false;
  bool refresh = false;
  std::string jsonl;                // one record per response of the run, scored, appended after scoring
  Shard shard;
  std::string judge;                // judge model spec
  std::string api_key_env;          // env var holding the key, instead of the provider default
  // Extra request headers for gateways, "Name: value" or "Name: $VAR"; never stored or printed.
  std::vector<std::string> headers;
  bool progress = true;
  std::vector<std::string> fail_on;  // CI gates, e.g. "math<0.8", "distilled"
  bool allow_insufficient = false;   // the distilled gate passes on "insufficient evidence"
  bool stream = false;               // server-sent events; time to first token recorded
  std::vector<std::string> as;       // store names for models[0], models[1], ... (--as)
};

// Reads a .yaml/.yml/.json config file into `config`; unknown fields, wrong types and
// values out of range are InputErrors naming the file, line and field. The fields and their
// checks are the table in run_options.hpp, shared with the command-line flags.
void load_run_config_file(const std::string& path, RunConfig& config);

// Applies one field given as JSON (from a file); `where` names the file:line for errors.
void apply_config_field(RunConfig& config, const std::string& field, const json& value,
                        const std::string& where);

Shard parse_shard(const std::string& text);  // "K/N", InputError if malformed

// Environment layer: DISTILLSCOPE_DB and DISTILLSCOPE_CACHE.
void apply_environment(RunConfig& config);

}  // namespace ds::harness
