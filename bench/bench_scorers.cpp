// Scorer figures: coding answers per second in the sandbox (one worker, and one worker per
// core; every reference solution of the built-in coding suite must pass), math extraction and
// WordNet DAT throughput. Coding figures are medians of 3 rounds over the 104 reference
// solutions; each worker's sandboxes are started before the clock runs (start-up is printed
// on its own).
// Reproduce: cmake --build build --target bench_scorers && ./build/bench_scorers
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "scorers/coding/coding_scorer.hpp"
#include "scorers/creativity/dat.hpp"
#include "scorers/math/math_scorer.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

namespace {

// CPU seconds used so far by this process and every process descending from it (the
// sandboxes and, through their PID 1's reaped children, every answer), from /proc.
double tree_cpu_seconds() {
  std::map<int, int> parent;
  std::map<int, double> cpu;
  const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] < '0' || name[0] > '9') continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    std::vector<std::string> f((std::istream_iterator<std::string>(fields)), {});
    if (f.size() < 15) continue;
    const int pid = std::stoi(name);
    parent[pid] = std::stoi(f[1]);
    cpu[pid] = (std::stod(f[11]) + std::stod(f[12]) + std::stod(f[13]) + std::stod(f[14])) / tick;
  }
  double total = 0;
  const int me = ::getpid();
  for (const auto& [pid, seconds] : cpu)
    for (int p = pid, hops = 0; p > 0 && hops < 64; p = parent.count(p) ? parent[p] : 0, ++hops)
      if (p == me) {
        total += seconds;
        break;
      }
  return total;
}

struct CodingRound {
  double seconds = 0;
  double cpu_seconds = 0;  // of every process involved
  int answers = 0, passed = 0, tests = 0;
};

std::string answer_of(const SuiteItem& item) {
  return "```python\n" + item.data["solution"].get<std::string>() + "```";
}

// Scores every reference solution once, split over `workers` threads; each thread first warms
// its own sandbox (not timed).
CodingRound coding_round(const Suite& coding, unsigned workers, double* startup_seconds) {
  std::atomic<size_t> next{0};
  std::atomic<int> passed{0}, tests{0}, ready{0}, finished{0};
  std::atomic<bool> go{false}, release{false};
  std::vector<double> startups(workers);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([&, w] {
      const auto start = Clock::now();
      score_coding(coding.items[0].data, answer_of(coding.items[0]), SandboxLimits{});
      startups[w] = seconds_since(start);
      ++ready;
      while (!go) std::this_thread::yield();
      for (size_t i = next++; i < coding.items.size(); i = next++) {
        const auto s = score_coding(coding.items[i].data, answer_of(coding.items[i]), SandboxLimits{});
        passed += s.value == 1.0 ? 1 : 0;
        tests += s.details.value("total", 0);
      }
      ++finished;  // the sandboxes stay up until the CPU they used has been read
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  while (ready < static_cast<int>(workers)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const double cpu_before = tree_cpu_seconds();
  const auto start = Clock::now();
  go = true;
  while (finished < static_cast<int>(workers)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const double seconds = seconds_since(start);
  const double cpu = tree_cpu_seconds() - cpu_before;
  release = true;
  for (auto& t : pool) t.join();
  CodingRound round{seconds, cpu, static_cast<int>(coding.items.size()), passed, tests};
  if (startup_seconds) *startup_seconds = median(startups);
  return round;
}

void bench_coding() {
  const Suite coding = load_suite("coding");
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<double> one_ms, all_rate, startups, cpu_ms;
  CodingRound last;
  for (int r = 0; r < 3; ++r) {
    double startup = 0;
    last = coding_round(coding, 1, &startup);
    startups.push_back(startup);
    one_ms.push_back(1000 * last.seconds / last.answers);
    cpu_ms.push_back(1000 * last.cpu_seconds / last.answers);
    const CodingRound all = coding_round(coding, cores, nullptr);
    all_rate.push_back(all.answers / all.seconds);
  }
  std::printf("coding: %d/%d reference solutions pass (%d tests)\n", last.passed, last.answers,
              last.tests);
  std::printf("coding: %.1f ms per answer on one worker (%.0f answers/s); %.0f answers/s on %u "
              "workers (%u cores); medians of 3; a worker's sandboxes start in %.0f ms\n",
              median(one_ms), 1000 / median(one_ms), median(all_rate), cores, cores,
              1000 * median(startups));
  std::printf("coding: %.1f ms of CPU per answer, all processes counted (scorer, both sandboxes, "
              "the answer's process)\n", median(cpu_ms));
}

}  // namespace

int main() {
  bench_coding();

  const Suite math = load_suite("math");
  auto start = Clock::now();
  int correct = 0;
  const int rounds = 20;
  for (int r = 0; r < rounds; ++r)
    for (const auto& item : math.items)
      correct += score_math(item.data, "Let me think step by step. 3 + 4 = 7.\nAnswer: $" +
                                           item.data["answer"].get<std::string>() + "$.")
                         .value == 1.0;
  double t = seconds_since(start);
  std::printf("math: %d/%zu correct, %.1f us per response\n", correct, rounds * math.items.size(),
              1e6 * t / (rounds * math.items.size()));

  start = Clock::now();
  const int lists = 50;
  double total = 0;
  for (int i = 0; i < lists; ++i)
    total += dat_score_words({"volcano", "justice", "spoon", "algebra", "sock", "thunder",
                              "democracy"}).score.value_or(0);
  t = seconds_since(start);
  std::printf("dat: %.1f ms per 7-noun list (score %.1f)\n", 1000 * t / lists, total / lists);
  std::printf("reproduce: cmake --build build --target bench_scorers && ./build/bench_scorers\n");
  return 0;
}
