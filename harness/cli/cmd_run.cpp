// `distillscope run`: send suites to model endpoints, store and score the answers.
#include <fmt/format.h>

#include <iostream>

#include "harness/cli/commands.hpp"
#include "harness/config/run_config.hpp"
#include "core/errors.hpp"
#include "harness/pipeline/gates.hpp"
#include "harness/pipeline/run_pipeline.hpp"
#include "harness/cli/run_output.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

namespace {

std::string fields_help() {
  std::string out = "\nConfig file fields (YAML or JSON, same schema; flags override the file, "
                    "DISTILLSCOPE_DB/DISTILLSCOPE_CACHE override the file too):\n";
  for (const auto& f : run_config_fields()) out += fmt::format("  {:<22}{:<18}{}\n", f.name, f.type, f.help);
  out += "\nAPI keys come only from environment variables: OPENAI_API_KEY, ANTHROPIC_API_KEY, or "
         "the one named by api_key_env.\nExit codes: 0 ok, 1 a --fail-on gate failed, 2 bad "
         "input, 3 the run is incomplete.\n";
  return out;
}

}  // namespace

void register_run(CLI::App& app) {
  struct Flags {
    std::string config;
    std::vector<std::string> models, suites, stop, fail_on;
    std::string reference, db, cache, jsonl, shard, judge, api_key_env, system;
    int samples = 1, limit = 0, concurrency = 64, max_retries = 6, max_tokens = 0, top_logprobs = 0;
    int64_t seed = 0;
    double temperature = 0, top_p = 0, rpm = 0, tpm = 0, timeout = 120;
    size_t max_response_bytes = 8u << 20;
    bool no_cache = false, refresh = false, logprobs = false, no_progress = false, allow_insufficient = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("run", "Send task suites to model endpoints and store the scored answers");
  cmd->footer(fields_help());
  auto* o_config = cmd->add_option("--config", f->config, "YAML or JSON config file");
  auto* o_models = cmd->add_option("--model,-m", f->models, "model spec PROVIDER:MODEL[@BASE_URL] (repeatable)");
  auto* o_reference = cmd->add_option("--reference", f->reference, "reference model to test the others against after the run");
  auto* o_suites = cmd->add_option("--suite,-s", f->suites, "suite name or .jsonl file (repeatable; 'all' = every built-in; default all)");
  auto* o_samples = cmd->add_option("--samples,-n", f->samples, "samples per item")->check(CLI::PositiveNumber);
  auto* o_limit = cmd->add_option("--limit", f->limit, "at most this many items per suite")->check(CLI::PositiveNumber);
  auto* o_seed = cmd->add_option("--seed", f->seed, "sampling seed, and the seed of generated suites")->check(CLI::NonNegativeNumber);
  auto* o_temperature = cmd->add_option("--temperature", f->temperature, "sampling temperature")->check(CLI::NonNegativeNumber);
  auto* o_top_p = cmd->add_option("--top-p", f->top_p, "nucleus sampling probability")->check(CLI::Range(0.0, 1.0));
  auto* o_max_tokens = cmd->add_option("--max-tokens", f->max_tokens, "completion token limit")->check(CLI::PositiveNumber);
  auto* o_stop = cmd->add_option("--stop", f->stop, "stop sequence (repeatable)");
  auto* o_logprobs = cmd->add_flag("--logprobs", f->logprobs, "ask for token log-probabilities where offered");
  auto* o_top_logprobs = cmd->add_option("--top-logprobs", f->top_logprobs, "alternatives per token")->check(CLI::NonNegativeNumber);
  auto* o_system = cmd->add_option("--system", f->system, "system prompt for items without their own");
  auto* o_concurrency = cmd->add_option("--concurrency,-c", f->concurrency, "requests in flight per endpoint")->check(CLI::PositiveNumber);
  auto* o_rpm = cmd->add_option("--requests-per-minute", f->rpm, "token-bucket request limit (0 = none)")->check(CLI::NonNegativeNumber);
  auto* o_tpm = cmd->add_option("--tokens-per-minute", f->tpm, "token-bucket token limit (0 = none)")->check(CLI::NonNegativeNumber);
  auto* o_retries = cmd->add_option("--max-retries", f->max_retries, "retries before an item is recorded as failed")->check(CLI::NonNegativeNumber);
  auto* o_timeout = cmd->add_option("--timeout", f->timeout, "per-request timeout in seconds")->check(CLI::PositiveNumber);
  auto* o_max_bytes = cmd->add_option("--max-response-bytes", f->max_response_bytes, "larger responses are failed attempts");
  auto* o_db = cmd->add_option("--db", f->db, "results store (default results.db)");
  auto* o_cache = cmd->add_option("--cache", f->cache, "cache file (default .distillscope-cache.db beside the store)");
  auto* o_no_cache = cmd->add_flag("--no-cache", f->no_cache, "neither read nor write the cache");
  auto* o_refresh = cmd->add_flag("--refresh", f->refresh, "ask again even where an answer is cached or stored");
  auto* o_jsonl = cmd->add_option("--jsonl", f->jsonl, "stream one record per response to this file");
  auto* o_shard = cmd->add_option("--shard", f->shard, "run a deterministic 1/N of the work: K/N");
  auto* o_judge = cmd->add_option("--judge", f->judge, "judge model spec for free-response items");
  auto* o_key_env = cmd->add_option("--api-key-env", f->api_key_env, "environment variable holding the API key");
  auto* o_no_progress = cmd->add_flag("--no-progress", f->no_progress, "no progress display");
  auto* o_fail_on = cmd->add_option("--fail-on", f->fail_on, "CI gate, exit 1 when it fails: 'SUITE<X' (mean score) or 'distilled' (repeatable; 'distilled' also fails on insufficient evidence)");
  auto* o_allow_insufficient = cmd->add_flag("--allow-insufficient", f->allow_insufficient, "the 'distilled' gate passes when the evidence is insufficient");

  cmd->callback([=] {
    RunConfig c;
    if (o_config->count()) load_run_config_file(f->config, c);
    apply_environment(c);
    const auto given = [](const CLI::Option* o) { return o->count() > 0; };
    if (given(o_models)) c.models = f->models;
    if (given(o_reference)) c.reference = f->reference;
    if (given(o_suites)) c.suites = f->suites;
    if (given(o_samples)) c.samples = f->samples;
    if (given(o_limit)) c.limit = f->limit;
    if (given(o_seed)) {
      c.params.seed = f->seed;
      c.generator_seed = static_cast<uint64_t>(f->seed);
    }
    if (given(o_temperature)) c.params.temperature = f->temperature;
    if (given(o_top_p)) c.params.top_p = f->top_p;
    if (given(o_max_tokens)) c.params.max_tokens = f->max_tokens;
    if (given(o_stop)) c.params.stop = f->stop;
    if (given(o_logprobs)) c.params.logprobs = true;
    if (given(o_top_logprobs)) c.params.top_logprobs = f->top_logprobs;
    if (given(o_system)) c.system = f->system;
    if (given(o_concurrency)) c.concurrency = f->concurrency;
    if (given(o_rpm)) c.requests_per_minute = f->rpm;
    if (given(o_tpm)) c.tokens_per_minute = f->tpm;
    if (given(o_retries)) c.max_retries = f->max_retries;
    if (given(o_timeout)) c.timeout_seconds = f->timeout;
    if (given(o_max_bytes)) c.max_response_bytes = f->max_response_bytes;
    if (given(o_db)) c.db = f->db;
    if (given(o_cache)) c.cache = f->cache;
    if (given(o_no_cache)) c.no_cache = true;
    if (given(o_refresh)) c.refresh = true;
    if (given(o_jsonl)) c.jsonl = f->jsonl;
    if (given(o_shard)) c.shard = parse_shard(f->shard);
    if (given(o_judge)) c.judge = f->judge;
    if (given(o_key_env)) c.api_key_env = f->api_key_env;
    if (given(o_no_progress)) c.progress = false;
    if (given(o_fail_on)) c.fail_on = f->fail_on;
    if (given(o_allow_insufficient)) c.allow_insufficient = true;

    for (const auto& gate : c.fail_on) parse_gate(gate);  // reject a malformed gate before any request
    json record = {{"command", "run"}, {"config_file", f->config}, {"models", c.models},
                   {"suites", c.suites}, {"samples", c.samples}, {"shard", fmt::format("{}/{}", c.shard.index, c.shard.count)}};
    const RunOutcome outcome = execute_run(c, record.dump());
    print_run_outcome(outcome, c);
    if (outcome.interrupted)
      throw IncompleteRun(fmt::format("interrupted; run the same command again to resume ({} answers stored)", outcome.answered));
    if (outcome.failed > 0)
      throw IncompleteRun(fmt::format("{} requests still failing after retries; run the same command again to retry them", outcome.failed));
    const auto& gate_failures = outcome.scoring.gate_failures;
    if (!gate_failures.empty()) {
      std::string lines;
      for (const auto& f : gate_failures) lines += "\n  " + f;
      throw GateFailed(fmt::format("{} gate(s) failed:{}", gate_failures.size(), lines));
    }
  });
}

}  // namespace ds::harness::cli
