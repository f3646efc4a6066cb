#include "scorers/coding/coding_scorer.hpp"

#include <memory>
#include <optional>

#include "scorers/coding/code_extract.hpp"
#include "scorers/coding/coding_sandbox.hpp"
#include "core/utf8.hpp"

namespace ds::scorers {

namespace {

std::string tests_text(const json& tests) {
  if (tests.is_string()) return tests.get<std::string>();
  std::string joined;
  if (tests.is_array())
    for (const auto& t : tests)
      if (t.is_string()) joined += t.get<std::string>() + "\n";
  return joined;
}

// One long-lived sandbox pair per scoring thread (coding answers are scored in parallel).
thread_local std::unique_ptr<CodingSandbox> thread_sandbox;

CodingSandbox& sandbox_for(const SandboxLimits& limits) {
  if (!thread_sandbox || !(thread_sandbox->limits() == limits))
    thread_sandbox = std::make_unique<CodingSandbox>(limits);
  return *thread_sandbox;
}

// The judge's verdict as a score. Everything counted here was counted by the judge, outside
// the answer's reach: the plan (how many tests the item has), each test's outcome, whether the
// answer loaded. A run that did not finish fails the tests that never reported.
Score score_from_run(const JudgedRun& run) {
  Score score;
  json results = json::array();
  std::optional<int> planned;
  std::string load_error, setup_error;
  bool loaded = false;
  for (const auto& record : run.records) {
    const std::string stage = record.value("stage", "");
    if (stage == "tests") {
      score.details["unscored"] = "the item's tests do not parse: " + record.value("error", "");
      return score;
    } else if (stage == "plan") {
      planned = record.value("tests", 0);
    } else if (stage == "load") {
      loaded = record.value("ok", false);
      if (!loaded) load_error = record.value("error", "");
    } else if (stage == "test") {
      json t = {{"test", record.value("test", "")}, {"passed", record.value("ok", false)}};
      if (record.contains("error")) t["error"] = record["error"];
      results.push_back(t);
    } else if (stage == "setup" && setup_error.empty()) {
      setup_error = record.value("error", "");
    }
  }
  int passed = 0;
  for (const auto& t : results)
    if (t["passed"].get<bool>()) ++passed;
  const int total = planned.value_or(static_cast<int>(results.size()));
  const bool all_reported = static_cast<int>(results.size()) == total;
  score.value = (run.done && loaded && setup_error.empty() && all_reported && total > 0 &&
                 passed == total) ? 1.0 : 0.0;
  score.details["tests"] = results;
  score.details["passed"] = passed;
  score.details["total"] = total;
  score.details["fraction_passed"] = total > 0 ? static_cast<double>(passed) / total : 0.0;
  if (!load_error.empty()) score.details["load_error"] = load_error;
  if (!setup_error.empty()) score.details["setup_error"] = setup_error;
  if (!run.done) score.details["incomplete"] = run.failure;
  score.details["wall_ms"] = run.wall_ms;
  return score;
}

}  // namespace

double pass_at_k(int n, int c, int k) {
  if (n <= 0 || k <= 0 || k > n) return 0;
  if (n - c < k) return 1.0;
  double fail = 1.0;  // C(n-c, k) / C(n, k) as a product, stable for large n
  for (int i = n - c + 1; i <= n; ++i) fail *= 1.0 - static_cast<double>(k) / i;
  return 1.0 - fail;
}

Score score_coding(const json& item_data, const std::string& response,
                   const SandboxLimits& limits) {
  const std::string entry_point = item_data.value("entry_point", std::string());
  const std::string tests = item_data.contains("tests") ? tests_text(item_data["tests"]) : "";
  if (tests.empty()) {
    Score score;
    score.details["unscored"] = "item has no 'tests'";
    return score;
  }
  const std::string code = extract_code(response, entry_point);
  // A sandbox that is missing leaves the answer unscored (SandboxUnavailable, caught by the
  // caller); any other failure while the answer ran scores it 0 with the reason, so no answer
  // can leave the mean or a gate by breaking its sandbox.
  JudgedRun run;
  try {
    run = sandbox_for(limits).run(code, tests);
  } catch (const SandboxUnavailable&) {
    throw;
  } catch (const std::exception& e) {
    thread_sandbox.reset();  // its programs may be mid-job: the next answer starts fresh ones
    run = JudgedRun{};
    run.failure = std::string("the sandbox failed while the answer ran: ") + e.what();
  }
  Score score = score_from_run(run);
  score.extracted = utf8_prefix(code, 4000);  // never half a character
  return score;
}

}  // namespace ds::scorers
