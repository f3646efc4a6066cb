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
#include "harness/runner/token_bucket.hpp"
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
  std::string hash;
  double token_estimate = 0;
  int attempts = 0;
};

struct MultiHandle {
  CURLM* multi = curl_multi_init();
  std::vector<CURL*> idle;  // easy handles kept for reuse
  ~MultiHandle() {
    for (CURL* easy : idle) curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
  }
};

class RunLoop {
 public:
  RunLoop(const RunnerOptions& options, const std::atomic<bool>& stop, CURLM* multi,
          std::vector<CURL*>& idle, const std::function<void(JobResult&&)>& on_done)
      : options_(options), stop_(stop), multi_(multi), idle_(idle), on_done_(on_done),
        progress_(options.progress, stderr), rng_(std::random_device{}()) {}

  // Left early (on_done threw): detach what is still in flight before the handles go.
  ~RunLoop() {
    for (auto& [easy, transfer] : in_flight_) {
      curl_multi_remove_handle(multi_, easy);
      idle_.push_back(easy);
    }
  }

  RunnerStats run(std::vector<Job> jobs) {
    start_ = monotonic_seconds();
    total_ = jobs.size();
    std::unique_ptr<ResponseCache> cache;
    if (!options_.cache_path.empty()) cache = std::make_unique<ResponseCache>(options_.cache_path);
    cache_ = cache.get();
    admit(std::move(jobs));
    // After request_stop() only in-flight transfers keep a job unfinished, so the loop
    // still ends.
    while (unfinished_ > 0) {
      const double now = monotonic_seconds();
      if (stop_.load()) abandon_waiting();
      release_due_retries(now);
      start_ready(now);
      int running = 0;
      curl_multi_perform(multi_, &running);
      collect_finished();
      if (stop_.load()) abandon_waiting();
      progress_.update(snapshot());
      if (unfinished_ == 0) break;
      curl_multi_poll(multi_, nullptr, 0, wait_ms(monotonic_seconds()), nullptr);
    }
    stats_.wall_seconds = monotonic_seconds() - start_;
    progress_.finish(snapshot());
    for (auto& e : endpoints_) stats_.endpoints.push_back(std::move(e.report));
    return stats_;
  }

 private:
  void admit(std::vector<Job> jobs) {
    std::map<std::string, size_t> endpoint_index;
    EndpointOptions endpoint_options{options_.api_key_env};
    jobs_.reserve(jobs.size());
    for (auto& job : jobs) {
      JobState state;
      state.hash = request_hash(job.endpoint, job.request);
      state.token_estimate = estimate_tokens(job.request);
      const std::string endpoint_key = job.endpoint.base_url + "\n" + job.endpoint.model;
      auto [it, added] = endpoint_index.emplace(endpoint_key, endpoints_.size());
      if (added) {
        const double now = monotonic_seconds();
        endpoints_.push_back(EndpointState{
            job.endpoint, read_api_key(job.endpoint.provider, endpoint_options),
            EndpointReport{job.endpoint, {}, {}, 0}, 0,
            AdaptiveConcurrency(options_.concurrency), TokenBucket(options_.requests_per_minute, now),
            TokenBucket(options_.tokens_per_minute, now)});
      }
      state.endpoint = it->second;
      state.job = std::move(job);
      jobs_.push_back(std::move(state));
    }
    unfinished_ = jobs_.size();
    long connections = 0;
    for (const auto& e : endpoints_) connections += e.concurrency.limit();
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, std::max(16L, connections));
    for (size_t i = 0; i < jobs_.size(); ++i) {
      if (cache_ && !options_.refresh) {
        if (auto hit = cache_->get(jobs_[i].hash)) {
          ++stats_.from_cache;
          finish(i, std::move(*hit), /*from_cache=*/true);
          continue;
        }
      }
      endpoints_[jobs_[i].endpoint].ready.push_back(i);
    }
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
    while (started && !stop_.load()) {
      started = false;
      for (auto& e : endpoints_) {
        if (e.ready.empty() || now < e.paused_until) continue;
        if (e.in_flight >= std::min(options_.concurrency, e.concurrency.limit())) continue;
        const size_t job = e.ready.front();
        const double cost = jobs_[job].token_estimate;
        if (e.requests.seconds_until(1, now) > 0 || e.tokens.seconds_until(cost, now) > 0) continue;
        e.requests.try_take(1, now);
        e.tokens.try_take(cost, now);
        e.ready.pop_front();
        start_transfer(job, now);
        started = true;
      }
    }
  }

  void start_transfer(size_t job, double now) {
    JobState& state = jobs_[job];
    EndpointState& e = endpoints_[state.endpoint];
    CURL* easy = idle_.empty() ? curl_easy_init() : idle_.back();
    if (!idle_.empty()) idle_.pop_back();
    auto transfer = std::make_unique<HttpTransfer>(
        easy, build_http_request(e.spec, state.job.request, e.api_key, options_.stream),
        TransferLimits{options_.timeout_seconds, options_.max_response_bytes}, job,
        StreamMode{options_.stream, e.spec.provider});
    transfer->started_at = now;
    ++state.attempts;
    ++e.in_flight;
    ++stats_.requests_sent;
    curl_multi_add_handle(multi_, easy);
    in_flight_.emplace(easy, std::move(transfer));
  }

  void collect_finished() {
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi_, easy);
      auto node = in_flight_.extract(easy);
      std::unique_ptr<HttpTransfer> transfer = std::move(node.mapped());
      on_attempt_done(*transfer, code);
      transfer.reset();
      idle_.push_back(easy);
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
    const AttemptVerdict verdict = classify_attempt(transport_ok, response);
    const FailureCause cause = classify_failure(transport_ok ? TransportFailure::none : transfer.transport_failure(), response);
    if (verdict != AttemptVerdict::Answered) note_failed_attempt(e, cause, response.error);
    if (verdict == AttemptVerdict::Answered) {
      e.consecutive_refusals = 0;
      e.concurrency.on_success();
      e.tokens.adjust(state.token_estimate - static_cast<double>(response.usage.prompt_tokens +
                                                                 response.usage.completion_tokens));
      if (cache_) cache_->put(state.hash, response);
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
    JobResult result{state.job.key, std::move(response), state.hash, state.attempts, from_cache};
    on_done_(std::move(result));
    state.job.request = Request{};  // the job's prompt is no longer needed
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
                            in_flight_.size(), monotonic_seconds() - start_, failures_text_};
  }

  const RunnerOptions& options_;
  const std::atomic<bool>& stop_;
  CURLM* multi_;
  std::vector<CURL*>& idle_;
  const std::function<void(JobResult&&)>& on_done_;
  ProgressDisplay progress_;
  std::string failures_text_;  // live failure causes for the progress line; "" = rebuild
  std::mt19937_64 rng_;
  ResponseCache* cache_ = nullptr;
  std::vector<JobState> jobs_;
  std::vector<EndpointState> endpoints_;
  std::map<CURL*, std::unique_ptr<HttpTransfer>> in_flight_;
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

RunnerStats Runner::run(std::vector<Job> jobs, const std::function<void(JobResult&&)>& on_done) {
  MultiHandle handle;
  curl_multi_setopt(handle.multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  multi_.store(handle.multi);
  struct Forget {
    std::atomic<void*>& multi;
    ~Forget() { multi.store(nullptr); }
  } forget{multi_};
  RunLoop loop(options_, stop_, handle.multi, handle.idle, on_done);
  return loop.run(std::move(jobs));
}

void Runner::request_stop() {
  stop_.store(true);
  if (void* multi = multi_.load()) curl_multi_wakeup(static_cast<CURLM*>(multi));
}

}  // namespace ds::harness
