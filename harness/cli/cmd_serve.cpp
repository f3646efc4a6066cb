// `distillscope serve`: the built-in endpoint (replay or simulation) with fault injection.
#include <fmt/format.h>

#include <memory>

#include "harness/cli/commands.hpp"
#include "core/errors.hpp"
#include "harness/server/http_server.hpp"
#include "harness/server/replay_backend.hpp"
#include "harness/server/simulated_backend.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

namespace {

struct ServeArgs {
  std::string replay_dir;
  bool simulate = false;
  std::string latency;
  std::string rate_limit;
  server::ServeOptions options;
};

void check_rate(double p, const char* flag) {
  if (!(p >= 0.0 && p <= 1.0)) throw InputError(fmt::format("{} {}: must be a probability in [0, 1]", flag, p));
}

void run_serve(ServeArgs& a) {
  if (a.simulate == !a.replay_dir.empty())
    throw InputError("serve: give exactly one of --replay DIR or --simulate");
  auto& f = a.options.faults;
  if (!a.latency.empty()) server::parse_latency(a.latency, f);
  if (!a.rate_limit.empty()) f.rate_limit_per_s = server::parse_rate_limit(a.rate_limit);
  check_rate(f.error_rate, "--error-rate");
  check_rate(f.drop_rate, "--drop-rate");
  check_rate(f.garbage_rate, "--garbage-rate");
  check_rate(f.truncate_rate, "--truncate-rate");
  check_rate(f.stall_rate, "--stall-rate");
  std::unique_ptr<server::Backend> backend;
  if (a.simulate)
    backend = std::make_unique<server::SimulatedBackend>(server::SimulatedBackend::builtin_suites());
  else
    backend = std::make_unique<server::ReplayBackend>(a.replay_dir);
  server::run_server(*backend, a.options);
}

}  // namespace

void register_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand(
      "serve",
      "Run the built-in OpenAI- and Anthropic-compatible endpoint: replayed transcripts or SIMULATED "
      "models, with optional injected faults. Routes: POST /v1/chat/completions, POST /v1/messages, "
      "GET /v1/models, GET /stats.");
  auto* replay = cmd->add_option("--replay", args->replay_dir,
                                 "Answer from recorded transcripts in DIR: our JSONL (DIR/*.jsonl, one model per "
                                 "file) or FastChat MT-bench (DIR/question.jsonl + DIR/model_answer/*.jsonl)");
  auto* simulate = cmd->add_flag("--simulate", args->simulate,
                                 "Serve deterministic simulated models (sim-teacher, sim-student, ...)");
  replay->excludes(simulate);
  cmd->add_option("--port", args->options.port, "TCP port; 0 picks a free one (printed on the first line)")
      ->default_val(8089);
  cmd->add_option("--host", args->options.host, "Address to listen on")->default_val("127.0.0.1");
  cmd->add_option("--threads", args->options.threads, "Worker threads (concurrent requests served)")
      ->default_val(512)
      ->check(CLI::Range(1, 8192));
  cmd->add_option("--max-connections", args->options.max_connections,
                  "Open connections served at once; more get a 503 (idle ones cost no thread)")
      ->default_val(1024)
      ->check(CLI::Range(16, 60000));
  cmd->add_option("--latency-ms", args->latency, "Added latency per request: MEAN or MEAN,JITTER (uniform ±JITTER)");
  cmd->add_option("--error-rate", args->options.faults.error_rate, "Probability of a 500/503 error body");
  cmd->add_option("--rate-limit", args->rate_limit,
                  "Token bucket over all requests, N/s or N/m; beyond it: 429 with retry-after and x-ratelimit-*");
  cmd->add_option("--drop-rate", args->options.faults.drop_rate,
                  "Probability of resetting the connection with no response");
  cmd->add_option("--garbage-rate", args->options.faults.garbage_rate,
                  "Probability of a 200 response whose body is not JSON");
  cmd->add_option("--truncate-rate", args->options.faults.truncate_rate,
                  "Probability of a 200 response cut in half (JSON cut short, or the connection closed early)");
  cmd->add_option("--stall-rate", args->options.faults.stall_rate,
                  "Probability of stalling --stall-ms before answering");
  cmd->add_option("--stall-ms", args->options.faults.stall_ms, "Length of a stall")->default_val(30000);
  cmd->add_option("--fault-seed", args->options.faults.seed,
                  "Seed of the fault decisions (a function of seed, request body and attempt number)")
      ->default_val(0);
  cmd->callback([args] { run_serve(*args); });
}

}  // namespace ds::harness::cli
