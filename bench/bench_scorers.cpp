// Scorer figures: sandboxed coding runs per second (and that every reference solution of the
// built-in coding suite passes), math extraction and WordNet DAT throughput.
// Reproduce: cmake --build build --target bench_scorers && ./build/bench_scorers
#include <chrono>
#include <cstdio>

#include "scorers/coding/coding_scorer.hpp"
#include "scorers/creativity/dat.hpp"
#include "scorers/math/math_scorer.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int main() {
  const Suite coding = load_suite("coding");
  auto start = Clock::now();
  int passed = 0, tests = 0;
  for (const auto& item : coding.items) {
    const auto s = score_coding(item.data, "```python\n" + item.data["solution"].get<std::string>() +
                                               "```", SandboxLimits{});
    passed += s.value == 1.0 ? 1 : 0;
    tests += s.details["total"].get<int>();
  }
  double t = seconds_since(start);
  std::printf("coding: %d/%zu reference solutions pass (%d tests), %.1f ms per sandboxed item\n",
              passed, coding.items.size(), tests, 1000 * t / coding.items.size());

  const Suite math = load_suite("math");
  start = Clock::now();
  int correct = 0;
  const int rounds = 20;
  for (int r = 0; r < rounds; ++r)
    for (const auto& item : math.items)
      correct += score_math(item.data, "Let me think step by step. 3 + 4 = 7.\nAnswer: $" +
                                           item.data["answer"].get<std::string>() + "$.")
                         .value == 1.0;
  t = seconds_since(start);
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
  return 0;
}
