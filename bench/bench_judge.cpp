// Judge-phase benchmark: N free-response answers (the built-in philosophy suite's free items)
// judged in one batch by a simulated judge answering after L ms, at concurrency C, exactly as
// `run --judge` scores them (harness/pipeline/judge_batch). A reply without a score is asked
// once more, so the calls are N plus those follow-ups; the limit is calls * L / C with L
// measured in the same run. Prints figures only; it never passes or fails on time.
//
//   bench_judge [--answers N] [--concurrency C] [--latency-ms L] [--judge MODEL] [--binary PATH]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "harness/pipeline/judge_batch.hpp"
#include "harness/pipeline/serve_process.hpp"
#include "scorers/scorer.hpp"
#include "tasks/suite.hpp"

namespace {

using namespace ds::harness;

struct Args {
  size_t answers = 2000;
  int concurrency = 64;
  int latency_ms = 50;
  std::string judge = "sim-independent-k";
  std::string binary = DS_BINARY;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--answers") a.answers = std::stoul(value);
    else if (flag == "--concurrency") a.concurrency = std::stoi(value);
    else if (flag == "--latency-ms") a.latency_ms = std::stoi(value);
    else if (flag == "--judge") a.judge = value;
    else if (flag == "--binary") a.binary = value;
    else {
      std::fprintf(stderr, "usage: bench_judge [--answers N] [--concurrency C] [--latency-ms L] "
                           "[--judge MODEL] [--binary PATH]\n");
      std::exit(2);
    }
  }
  return a;
}

// One judge request per answer: free-response items in turn, each answer worded apart.
std::vector<Request> judge_requests(size_t n) {
  std::vector<SuiteItem> free_items;
  for (auto& item : load_suite("philosophy").items)
    if (item.data.value("kind", std::string()) == "free") free_items.push_back(std::move(item));
  std::vector<Request> requests;
  const ScoreContext no_judge;
  for (size_t i = 0; requests.size() < n && !free_items.empty(); ++i) {
    const SuiteItem& item = free_items[i % free_items.size()];
    const std::string answer = fmt::format(
        "Answer {}: it depends on what we owe to each other; on balance I would say yes, because "
        "the reasons for it outweigh the costs in case {}.", i, i % 7);
    const Score unjudged = score_response(item, answer, no_judge);
    if (auto request = judge_request_for(item, answer, unjudged)) requests.push_back(std::move(*request));
  }
  return requests;
}

double seconds_of(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  ServeProcess server(args.binary, {"--simulate", "--latency-ms", std::to_string(args.latency_ms)});
  const ModelSpec judge = parse_model_spec(fmt::format("openai:{}@{}", args.judge, server.base_url()));
  RunnerOptions options;
  options.concurrency = args.concurrency;
  options.progress = false;

  // The judge's real time per call, one call at a time: the limit uses it, not the nominal L.
  const std::vector<Request> calibration = judge_requests(20);
  RunnerOptions one_at_a_time = options;
  one_at_a_time.concurrency = 1;
  JudgeBatchStats calibration_stats;
  const double calibration_wall = seconds_of([&] {
    run_judge_batch(judge, calibration, one_at_a_time, &calibration_stats);
  });
  const double calls_per_calibration =
      static_cast<double>(calibration.size() + calibration_stats.asked_again);
  const double latency = calibration_wall / calls_per_calibration;

  const std::vector<Request> requests = judge_requests(args.answers);
  JudgeBatchStats stats;
  std::vector<JudgeVerdict> verdicts;
  const double wall = seconds_of([&] { verdicts = run_judge_batch(judge, requests, options, &stats); });
  const size_t calls = requests.size() + stats.asked_again;
  const size_t scored = static_cast<size_t>(
      std::count_if(verdicts.begin(), verdicts.end(), [](const JudgeVerdict& v) { return v.value.has_value(); }));
  const double limit = static_cast<double>(calls) * latency / args.concurrency;
  fmt::print("judge benchmark: {} answers judged by `serve --simulate` model {}, C={}, L={} ms\n",
             requests.size(), args.judge, args.concurrency, args.latency_ms);
  fmt::print("  calls:             {} ({} replies without a score asked again); {} answers scored, "
             "{} failed calls\n", calls, stats.asked_again, scored, stats.runner.failed);
  fmt::print("  measured latency:  {:.2f} ms per call (20 answers judged one call at a time)\n",
             1000 * latency);
  fmt::print("  limit calls*L/C:   {:.3f} s\n", limit);
  fmt::print("  wall time:         {:.3f} s\n", wall);
  fmt::print("  ratio wall/limit:  {:.3f} (goal <= 1.10)\n", wall / limit);
  fmt::print("  reproduce:         {} --answers {} --concurrency {} --latency-ms {} --judge {}\n", argv[0],
             args.answers, args.concurrency, args.latency_ms, args.judge);
  return stats.runner.failed == 0 ? 0 : 1;
}
