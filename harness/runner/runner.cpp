#include "harness/runner/runner.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <random>

#include "harness/cache/response_cache.hpp"
#include "core/secrets.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/runner/adaptive_concurrency.hpp"
#include "harness/runner/backoff.hpp"
#include "harness/runner/http_transfer.hpp"
#include "harness/runner/progress.hpp"
#include "harness/runner/retry_policy.hpp"
#include "harness/runner/socket_loop.hpp"
#include "harness/runner/token_bucket.hpp"
#include "harness/endpoints/extra_headers.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Rough token count for the tokens/min bucket: ~4 characters a token, plus the answer.
double estimate_tokens(const Request& r) {
  size_t chars = r.system.size();
  for (const auto& m : r.messages) chars += m.content.size();
  return static_cast<double>(chars) / 4.0 + r.params.max_tokens.value_or(0);
}

// Every string in a JSON value (logprobs tokens), depth-bounded by the reply parser.
void redact_strings(json& value, const std::string& secret) {
  if (value.is_string()) {
    std::string s = value.get<std::string>();
    redact_secret(s, secret);
    if (s != value.get_ref<const std::string&>()) value = std::move(s);
  } else if (value.is_structured()) {
    for (auto& child : value) redact_strings(child, secret);
  }
}

// A key must never reach the store, the cache or a message, even when a server echoes it (or
// part of it) back in an error or an answer.
void redact_response(Response& response, const std::string& secret) {
  if (secret.empty()) return;
  redact_secret(response.error, secret);
  redact_secret(response.text, secret);
  redact_secret(response.finish_reason, secret);
  if (response.logprobs) redact_strings(*response.logprobs, secret);
}

struct EndpointState {
  ModelSpec spec;
  std::string api_key;
  EndpointReport report;
  int consecutive_refusals = 0;
  AdaptiveConcurrency concurrency;
  TokenBucket requests;
  TokenBucket tokens;
  int in_flight = 0;
  double paused_until = 0;  // a 429's Retry-After holds back the whole endpoint
  std::deque<size_t> ready;
};

struct JobState {
  Job job;
  size_t endpoint = 0;
  std::string hash;  // computed when first needed (cache lookup or result)
  double token_estimate = 0;
  int attempts = 0;
  bool cache_checked = false;
};

struct MultiHandle {
  CURLM* multi = curl_multi_init();
  ~MultiHandle() { curl_multi_cleanup(multi); }
};

class RunLoop {
 public:
  static constexpr size_t kNewSlotsPerTurn = 16;

  RunLoop(const RunnerOptions& options, const std::atomic<bool>& stop, CURLM* multi,
          SocketLoop& sockets, const Runner::FollowUpFn& on_done)
      : options_(options), stop_(stop), multi_(multi), sockets_(sockets), on_done_(on_done),
        progress_(options.progress, stderr), rng_(std::random_device{}()) {}

  // Detaches whatever is still in flight (on_done threw) before the slots go.
  ~RunLoop() {
    for (auto& slot : slots_)
      if (slot->in_flight) curl_multi_remove_handle(multi_, slot->easy());
  }

  RunnerStats run(std::vector<Job> jobs) {
    start_ = monotonic_seconds();
    total_ = jobs.size();
    std::unique_ptr<ResponseCache> cache;
    if (!options_.cache_path.empty()) cache = std::make_unique<ResponseCache>(options_.cache_path);
    cache_ = cache.get();
    jobs_.reserve(jobs.size());
    unfinished_ = jobs.size();
    for (auto& job : jobs) add_job(std::move(job));
    // After request_stop() only in-flight transfers keep a job unfinished, so the loop
    // still ends.
    while (unfinished_ > 0) {
      double now = monotonic_seconds();
      admit_follow_ups();
      if (stop_.load()) abandon_waiting();
      release_due_retries(now);
      start_ready(now);
      if (cache_) cache_->flush_if_due(now);
      progress_.update(snapshot());
      if (unfinished_ == 0) break;
      now = monotonic_seconds();
      sockets_.wait_and_act(wait_ms(now));
      collect_finished();
    }
    if (cache_) cache_->flush();
    stats_.wall_seconds = monotonic_seconds() - start_;
    progress_.finish(snapshot());
    for (auto& e : endpoints_) stats_.endpoints.push_back(std::move(e.report));
    return stats_;
  }

 private:
  // Queues a job on its endpoint (created on first use). Cached answers are looked up as
  // each job's turn comes (start_ready): the first requests go out at once instead of
  // after hashing every job.
  void add_job(Job job) {
    JobState state;
    state.token_estimate = estimate_tokens(job.request);
    state.endpoint = endpoint_of(job.endpoint);
    state.job = std::move(job);
    jobs_.push_back(std::move(state));
    endpoints_[jobs_.back().endpoint].ready.push_back(jobs_.size() - 1);
  }

  // The endpoint (base URL + model) of a job, created on first use. Jobs come in runs of one
  // endpoint: the last one found is compared before the index is asked.
  size_t endpoint_of(const ModelSpec& spec) {
    if (!endpoints_.empty() && endpoints_[last_endpoint_].spec.base_url == spec.base_url &&
        endpoints_[last_endpoint_].spec.model == spec.model)
      return last_endpoint_;
    auto [it, added] = endpoint_index_.emplace(spec.base_url + "\n" + spec.model, endpoints_.size());
    if (added) {
      const double now = monotonic_seconds();
      endpoints_.push_back(EndpointState{
          spec, read_api_key(spec.provider, EndpointOptions{options_.api_key_env}),
          EndpointReport{spec, {}, {}, 0}, 0,
          AdaptiveConcurrency(options_.concurrency), TokenBucket(options_.requests_per_minute, now),
          TokenBucket(options_.tokens_per_minute, now)});
      long connections = 0;
      for (const auto& e : endpoints_) connections += e.concurrency.limit();
      curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, std::max(16L, connections));
    }
    return last_endpoint_ = it->second;
  }

  // Follow-up jobs handed back by on_done join the run here, where no reference into the
  // job and endpoint tables is held.
  void admit_follow_ups() {
    for (auto& job : follow_ups_) add_job(std::move(job));
    follow_ups_.clear();
  }

  const std::string& hash_of(size_t job) {
    JobState& state = jobs_[job];
    if (state.hash.empty()) state.hash = request_hash(state.job.endpoint, state.job.request);
    return state.hash;
  }

  // True when the job was answered from the cache (and is finished).
  bool answered_from_cache(size_t job) {
    JobState& state = jobs_[job];
    if (!cache_ || options_.refresh || state.cache_checked) return false;
    state.cache_checked = true;
    auto hit = cache_->get(hash_of(job));
    if (!hit) return false;
    ++stats_.from_cache;
    finish(job, std::move(*hit), /*from_cache=*/true);
    return true;
  }

  void abandon_waiting() {
    for (auto& e : endpoints_) {
      stats_.interrupted += e.ready.size();
      unfinished_ -= e.ready.size();
      e.ready.clear();
    }
    stats_.interrupted += retry_queue_.size();
    unfinished_ -= retry_queue_.size();
    retry_queue_ = {};
  }

  void release_due_retries(double now) {
    while (!retry_queue_.empty() && retry_queue_.top().first <= now) {
      const size_t job = retry_queue_.top().second;
      retry_queue_.pop();
      EndpointState& e = endpoints_[jobs_[job].endpoint];
      if (e.report.stopped.empty()) {
        e.ready.push_back(job);
      } else {
        drop_unsent(e, 1);
      }
    }
  }

  // Starts what the limits allow; round-robin so that one endpoint cannot starve another.
  void start_ready(double now) {
    bool started = true;
    size_t new_slots = 0;
    while (started && !stop_.load()) {
      started = false;
      for (auto& e : endpoints_) {
        // A new slot means a new connection (a dozen system calls here and an accept at the
        // server): at most kNewSlotsPerTurn per turn of the loop, so that the first requests
        // leave, and their answers are read, while the rest connect.
        if (idle_.empty() && new_slots == kNewSlotsPerTurn) return;
        while (!e.ready.empty() && answered_from_cache(e.ready.front())) e.ready.pop_front();
        if (e.ready.empty() || now < e.paused_until) continue;
        if (e.in_flight >= std::min(options_.concurrency, e.concurrency.limit())) continue;
        const size_t job = e.ready.front();
        const double cost = jobs_[job].token_estimate;
        if (e.requests.seconds_until(1, now) > 0 || e.tokens.seconds_until(cost, now) > 0) continue;
        e.requests.try_take(1, now);
        e.tokens.try_take(cost, now);
        e.ready.pop_front();
        if (idle_.empty()) ++new_slots;
        start_transfer(job, now);
        started = true;
      }
    }
  }

  void start_transfer(size_t job, double now) {
    JobState& state = jobs_[job];
    EndpointState& e = endpoints_[state.endpoint];
    if (idle_.empty()) {
      slots_.push_back(std::make_unique<HttpTransfer>(
          TransferLimits{options_.timeout_seconds, options_.max_response_bytes}));
      idle_.push_back(slots_.back().get());
    }
    HttpTransfer* transfer = idle_.back();
    idle_.pop_back();
    HttpRequest http = build_http_request(e.spec, state.job.request, e.api_key, options_.stream);
    http.headers.insert(http.headers.end(), options_.headers.begin(), options_.headers.end());
    transfer->prepare(std::move(http), job, StreamMode{options_.stream, e.spec.provider});
    transfer->started_at = now;
    transfer->in_flight = true;
    ++state.attempts;
    ++e.in_flight;
    ++in_flight_;
    ++stats_.requests_sent;
    curl_multi_add_handle(multi_, transfer->easy());
  }

  void collect_finished() {
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      const CURLcode code = msg->data.result;
      HttpTransfer* transfer = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, &transfer);
      curl_multi_remove_handle(multi_, easy);
      --in_flight_;
      on_attempt_done(*transfer, code);
      transfer->in_flight = false;
      idle_.push_back(transfer);
    }
  }

  void on_attempt_done(HttpTransfer& transfer, CURLcode code) {
    const double now = monotonic_seconds();
    const size_t job = transfer.job();
    JobState& state = jobs_[job];
    EndpointState& e = endpoints_[state.endpoint];
    --e.in_flight;
    const bool transport_ok = transfer.completed(code);
    Response response;
    if (transport_ok && transfer.streamed()) {
      response = transfer.stream_response();
      response.http_status = static_cast<int>(transfer.reply().status);
    } else if (transport_ok) {
      response = parse_http_reply(e.spec, transfer.reply());
    } else {
      response.http_status = static_cast<int>(transfer.reply().status);
      response.error = transfer.transport_error();
    }
    response.latency_ms = (now - transfer.started_at) * 1000.0;
    if (const auto first = transfer.first_text_at()) response.ttft_ms = (*first - transfer.started_at) * 1000.0;
    redact_response(response, e.api_key);
    for (const auto& value : secret_header_values(options_.headers)) redact_response(response, value);
    const AttemptVerdict verdict = classify_attempt(transport_ok, response);
    const FailureCause cause = classify_failure(transport_ok ? TransportFailure::none : transfer.transport_failure(), response);
    if (verdict != AttemptVerdict::Answered) note_failed_attempt(e, cause, response.error);
    if (verdict == AttemptVerdict::Answered) {
      e.consecutive_refusals = 0;
      e.concurrency.on_success();
      e.tokens.adjust(state.token_estimate - static_cast<double>(response.usage.prompt_tokens +
                                                                 response.usage.completion_tokens));
      if (cache_) cache_->put(hash_of(job), response);
      finish(job, std::move(response), false);
      return;
    }
    if (verdict == AttemptVerdict::Fatal) {
      e.report.failures.request_failed(cause);
      finish(job, std::move(response), false);
      return;
    }
    const bool rate_limited = verdict == AttemptVerdict::RateLimited;
    std::optional<double> hint;
    if (transport_ok) hint = server_retry_delay(transfer.reply().headers, std::time(nullptr), rate_limited);
    if (rate_limited) {
      e.concurrency.on_rate_limited(transfer.started_at, now);
      if (hint) e.paused_until = std::max(e.paused_until, now + *hint);
    }
    const int retries_done = state.attempts - 1;
    if (retries_done >= options_.max_retries) {
      response.error = fmt::format("{} (gave up after {} attempts)", response.error, state.attempts);
      e.report.failures.request_failed(cause);
      finish(job, std::move(response), false);
      return;
    }
    if (stop_.load()) {
      ++stats_.interrupted;
      --unfinished_;
      return;
    }
    ++stats_.retries;
    const double delay = retry_delay(retries_done, hint, options_.backoff_base_seconds,
                                     options_.backoff_max_seconds, rng_);
    retry_queue_.emplace(now + delay, job);
  }

  // Counts the failure; an endpoint that keeps refusing (401/403/404) is stopped so that the
  // rest of the plan is not sent only to be refused too.
  void note_failed_attempt(EndpointState& e, FailureCause cause, const std::string& message) {
    e.report.failures.attempt_failed(cause, message);
    failures_text_.clear();
    e.consecutive_refusals = refuses_endpoint(cause) ? e.consecutive_refusals + 1 : 0;
    if (options_.stop_after_refusals <= 0 || e.consecutive_refusals < options_.stop_after_refusals ||
        !e.report.stopped.empty())
      return;
    e.report.stopped = fmt::format("stopped after {} requests in a row were refused ({}); last: {}",
                                   e.consecutive_refusals, cause_label(cause),
                                   e.report.failures.causes().at(cause).last_message);
    drop_unsent(e, e.ready.size());
    e.ready.clear();
  }

  void drop_unsent(EndpointState& e, size_t count) {
    e.report.not_sent += count;
    stats_.not_sent += count;
    unfinished_ -= count;
  }

  void finish(size_t job, Response&& response, bool from_cache) {
    JobState& state = jobs_[job];
    if (response.ok()) {
      ++stats_.done;
    } else {
      ++stats_.failed;
    }
    --unfinished_;
    JobResult result{state.job.key, std::move(response), hash_of(job), state.attempts, from_cache};
    state.job.request = Request{};  // the job's prompt is no longer needed
    for (auto& next : on_done_(std::move(result))) {
      if (stop_.load()) break;
      follow_ups_.push_back(std::move(next));
      ++total_;
      ++unfinished_;  // counted now, so the loop cannot end before the follow-up is admitted
    }
  }

  // How long the event loop may sleep: until the next retry is due, a paused endpoint
  // resumes or a rate bucket refills, at most 100 ms (request_stop and progress).
  int wait_ms(double now) const {
    double wait = 0.1;
    if (!retry_queue_.empty()) wait = std::min(wait, retry_queue_.top().first - now);
    for (const auto& e : endpoints_) {
      if (e.ready.empty()) continue;
      if (e.paused_until > now) {
        wait = std::min(wait, e.paused_until - now);
      } else if (e.in_flight < std::min(options_.concurrency, e.concurrency.limit())) {
        auto requests = e.requests;  // copies: asking must not refill the real buckets early
        auto tokens = e.tokens;
        wait = std::min(wait, std::max(requests.seconds_until(1, now),
                                       tokens.seconds_until(jobs_[e.ready.front()].token_estimate, now)));
      }
    }
    return std::max(0, static_cast<int>(wait * 1000.0 + 0.999));
  }

  ProgressSnapshot snapshot() {
    if (failures_text_.empty()) {
      for (const auto& e : endpoints_) {
        if (e.report.failures.empty()) continue;
        const std::string text = e.report.failures.short_text() + (e.report.stopped.empty() ? "" : ", stopped");
        failures_text_ += (failures_text_.empty() ? "" : "; ") +
                          (endpoints_.size() > 1 ? e.spec.name + ": " + text : text);
      }
    }
    return ProgressSnapshot{total_, stats_.done, stats_.failed, stats_.from_cache, stats_.retries,
                            in_flight_, monotonic_seconds() - start_, failures_text_};
  }

  const RunnerOptions& options_;
  const std::atomic<bool>& stop_;
  CURLM* multi_;
  SocketLoop& sockets_;
  const Runner::FollowUpFn& on_done_;
  ProgressDisplay progress_;
  std::string failures_text_;  // live failure causes for the progress line; "" = rebuild
  std::mt19937_64 rng_;
  ResponseCache* cache_ = nullptr;
  std::vector<JobState> jobs_;
  std::vector<EndpointState> endpoints_;
  std::map<std::string, size_t> endpoint_index_;  // base URL + model → endpoints_
  size_t last_endpoint_ = 0;                      // of the last job added
  std::vector<Job> follow_ups_;
  std::vector<std::unique_ptr<HttpTransfer>> slots_;  // one per transfer ever in flight at once
  std::vector<HttpTransfer*> idle_;                   // slots free for the next attempt
  size_t in_flight_ = 0;
  using Due = std::pair<double, size_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> retry_queue_;
  size_t total_ = 0;
  size_t unfinished_ = 0;
  double start_ = 0;
  RunnerStats stats_;
};

}  // namespace

std::string format_failure_report(const RunnerStats& stats) {
  std::string out;
  for (const auto& e : stats.endpoints) {
    if (e.failures.empty() && e.stopped.empty()) continue;
    out += fmt::format("failures at {} ({} {}):\n", e.spec.name, provider_name(e.spec.provider), e.spec.base_url);
    for (const auto& line : e.failures.lines()) out += "  " + line + "\n";
    if (!e.stopped.empty()) out += fmt::format("  {}; {} requests not sent\n", e.stopped, e.not_sent);
  }
  return out;
}

Runner::Runner(RunnerOptions options) : options_(std::move(options)) {
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Runner::~Runner() = default;

RunnerStats Runner::run_with_follow_ups(std::vector<Job> jobs, const FollowUpFn& on_done) {
  MultiHandle handle;
  curl_multi_setopt(handle.multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  SocketLoop sockets(handle.multi);
  wake_fd_.store(sockets.wakeup_fd());
  struct Forget {
    std::atomic<int>& fd;
    ~Forget() { fd.store(-1); }
  } forget{wake_fd_};
  RunLoop loop(options_, stop_, handle.multi, sockets, on_done);
  return loop.run(std::move(jobs));
}

RunnerStats Runner::run(std::vector<Job> jobs, const std::function<void(JobResult&&)>& on_done) {
  return run_with_follow_ups(std::move(jobs), [&](JobResult&& result) -> std::vector<Job> {
    on_done(std::move(result));
    return {};
  });
}

void Runner::request_stop() {
  stop_.store(true);
  SocketLoop::wakeup(wake_fd_.load());
}

}  // namespace ds::harness
