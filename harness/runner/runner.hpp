#pragma once
// The concurrent runner: every job's request over one libcurl multi event loop, with
// per-endpoint concurrency (AIMD), rate limits, retries, a size cap, a timeout, the
// response cache and a progress display.
#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/cache/request_hash.hpp"
#include "harness/endpoints/provider_api.hpp"
#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/layer.hpp"
#include "harness/runner/failure_tally.hpp"

namespace ds::harness {

struct Job {
  std::string key;  // the caller's opaque id, handed back in JobResult
  ModelSpec endpoint;
  Request request;
};

struct RunnerOptions {
  int concurrency = 64;            // max in flight per endpoint (base_url+model)
  double requests_per_minute = 0;  // per endpoint; 0 = unlimited
  double tokens_per_minute = 0;    // per endpoint; 0 = unlimited (estimate: chars/4 + max_tokens)
  int max_retries = 6;             // retries after the first attempt, then the job fails
  double timeout_seconds = 120;    // per attempt, connecting included
  size_t max_response_bytes = 8 << 20;
  std::string cache_path;          // "" = no cache
  bool refresh = false;            // ignore cached answers, but store the new ones
  bool progress = true;            // on stderr
  std::string api_key_env;         // "" = provider default env var
  HeaderPairs headers;             // extra headers for gateways (values may be secrets)
  double backoff_base_seconds = 0.5;  // full jitter: up to base * 2^retry ...
  double backoff_max_seconds = 60;    // ... but never more than this
  bool stream = false;             // ask for server-sent events (time to first token recorded)
  // An endpoint answering this many requests in a row with 401/403/404 is stopped: its
  // remaining requests are not sent (0 = never stop).
  int stop_after_refusals = 3;
};

// What happened at one endpoint (base URL + model) during a run.
struct EndpointReport {
  ModelSpec spec;
  FailureTally failures;
  std::string stopped;  // why the endpoint was stopped; "" when it was not
  size_t not_sent = 0;  // requests dropped because it was stopped
};

struct JobResult {
  std::string key;
  Response response;  // error set when the job failed
  std::string request_hash;
  int attempts = 0;  // requests sent for this job (0 when from the cache)
  bool from_cache = false;
};

struct RunnerStats {
  size_t done = 0;         // jobs answered, cached answers included
  size_t failed = 0;       // jobs reported failed (retries exhausted or refused)
  size_t retries = 0;      // attempts beyond each job's first
  size_t from_cache = 0;   // of `done`, answered from the cache
  size_t interrupted = 0;  // jobs not reported because request_stop() came first
  size_t not_sent = 0;     // jobs not reported because their endpoint was stopped
  size_t requests_sent = 0;
  double wall_seconds = 0;
  std::vector<EndpointReport> endpoints;  // in order of first appearance in the jobs
};

// The end-of-run account of every endpoint that had failures: causes, counts, last message.
// Empty when nothing failed.
std::string format_failure_report(const RunnerStats& stats);

class Runner {
 public:
  explicit Runner(RunnerOptions options);
  ~Runner();

  // Runs all jobs; on_done is called once per job (from the runner's thread, never
  // concurrently), except for jobs left unfinished by request_stop() or not sent because
  // their endpoint was stopped.
  RunnerStats run(std::vector<Job> jobs, const std::function<void(JobResult&&)>& on_done);

  // Like run(), but on_done may hand back follow-up jobs (a judge asked again with what was
  // wrong with its reply, the next turn of a conversation that carries this answer): they
  // join this run under the same limits, cache and progress, and are reported through
  // on_done like the others. None are started after request_stop().
  using FollowUpFn = std::function<std::vector<Job>(JobResult&&)>;
  RunnerStats run_with_follow_ups(std::vector<Job> jobs, const FollowUpFn& on_done);

  // Stops starting new requests (e.g. on SIGINT); run() returns after in-flight ones end
  // or are aborted. Safe from another thread or a signal handler.
  void request_stop();

 private:
  RunnerOptions options_;
  std::atomic<bool> stop_{false};
  std::atomic<int> wake_fd_{-1};  // the running loop's eventfd, -1 between runs
};

}  // namespace ds::harness
