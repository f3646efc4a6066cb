#include "harness/pipeline/judge_batch.hpp"

#include <string>

namespace ds::harness {

namespace {

// Job keys: the request's index, and whether this is the follow-up.
std::string job_key(size_t index, bool again) { return std::to_string(index) + (again ? "/again" : ""); }

}  // namespace

std::vector<JudgeVerdict> run_judge_batch(const ModelSpec& judge, const std::vector<Request>& requests,
                                          const RunnerOptions& options, JudgeBatchStats* stats) {
  std::vector<JudgeVerdict> verdicts(requests.size());
  for (auto& v : verdicts) v.unscored = "the judge call was not made (the run was interrupted)";
  std::vector<Job> jobs;
  jobs.reserve(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) jobs.push_back({job_key(i, false), judge, requests[i]});
  size_t asked_again = 0;
  Runner runner(options);
  const RunnerStats run_stats =
      runner.run_with_follow_ups(std::move(jobs), [&](JobResult&& result) -> std::optional<Job> {
        const bool again = result.key.find('/') != std::string::npos;
        const size_t index = std::stoul(result.key);
        JudgeVerdict& verdict = verdicts[index];
        if (!result.response.ok()) {
          verdict.unscored = "the judge call failed: " + result.response.error;
          return std::nullopt;
        }
        ++verdict.replies;
        verdict.text = result.response.text;
        const JudgeReading reading = read_judge_reply(verdict.text);
        verdict.value = reading.value;
        if (reading.value) {
          verdict.unscored.clear();
          return std::nullopt;
        }
        if (again) {
          verdict.unscored = "the judge's reply contains no score, also when asked again (" + reading.problem + ")";
          return std::nullopt;
        }
        verdict.unscored = "the judge's reply contains no score (" + reading.problem + ")";
        ++asked_again;
        return Job{job_key(index, true), judge, judge_retry_request(requests[index], verdict.text, reading.problem)};
      });
  if (stats) *stats = {run_stats, asked_again};
  return verdicts;
}

}  // namespace ds::harness
