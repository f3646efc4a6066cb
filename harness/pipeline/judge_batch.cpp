#include "harness/pipeline/judge_batch.hpp"

#include <string>

#include "harness/layer.hpp"

namespace ds::harness {

namespace {

// Job keys: the request's index, and whether this is the follow-up.
std::string job_key(size_t index, bool again) { return std::to_string(index) + (again ? "/again" : ""); }

}  // namespace

JudgeBatchStats run_judge_batch(Runner& runner, const ModelSpec& judge, const std::vector<Request>& requests,
                                const VerdictFn& on_verdict) {
  std::vector<Job> jobs;
  jobs.reserve(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) jobs.push_back({job_key(i, false), judge, requests[i]});
  std::vector<bool> reported(requests.size(), false);
  std::vector<JudgeVerdict> first_replies(requests.size());  // kept while a follow-up is out
  const auto report = [&](size_t index, JudgeVerdict&& verdict) {
    reported[index] = true;
    on_verdict(index, std::move(verdict));
  };
  JudgeBatchStats stats;
  stats.runner = runner.run_with_follow_ups(std::move(jobs), [&](JobResult&& result) -> std::vector<Job> {
    const bool again = result.key.find('/') != std::string::npos;
    const size_t index = std::stoul(result.key);
    JudgeVerdict verdict = again ? std::move(first_replies[index]) : JudgeVerdict{};
    if (!result.response.ok()) {
      verdict.unscored = (again ? "the judge call asking again failed: " : "the judge call failed: ") +
                         result.response.error;
      report(index, std::move(verdict));
      return {};
    }
    ++verdict.replies;
    verdict.text = std::move(result.response.text);
    const JudgeReading reading = read_judge_reply(verdict.text);
    verdict.value = reading.value;
    if (reading.value) {
      verdict.unscored.clear();
    } else if (again) {
      verdict.unscored = "the judge's reply contains no score, also when asked again (" + reading.problem + ")";
    } else {
      verdict.unscored = "the judge's reply contains no score (" + reading.problem + ")";
      ++stats.asked_again;
      Job follow_up{job_key(index, true), judge, judge_retry_request(requests[index], verdict.text, reading.problem)};
      first_replies[index] = std::move(verdict);
      return {std::move(follow_up)};
    }
    report(index, std::move(verdict));
    return {};
  });
  for (size_t i = 0; i < requests.size(); ++i) {
    if (reported[i]) continue;
    JudgeVerdict verdict = std::move(first_replies[i]);
    verdict.unscored = verdict.replies > 0
                           ? verdict.unscored + "; not asked again (the run was interrupted)"
                           : "the judge call was not made (the run was interrupted)";
    report(i, std::move(verdict));
  }
  return stats;
}

std::vector<JudgeVerdict> run_judge_batch(const ModelSpec& judge, const std::vector<Request>& requests,
                                          const RunnerOptions& options, JudgeBatchStats* stats) {
  std::vector<JudgeVerdict> verdicts(requests.size());
  Runner runner(options);
  const JudgeBatchStats got = run_judge_batch(
      runner, judge, requests, [&](size_t index, JudgeVerdict&& verdict) { verdicts[index] = std::move(verdict); });
  if (stats) *stats = got;
  return verdicts;
}

}  // namespace ds::harness
