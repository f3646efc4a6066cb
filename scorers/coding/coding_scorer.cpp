#include "scorers/coding/coding_scorer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <random>
#include <sstream>

#include "scorers/coding/sandbox_python.hpp"
#include "scorers/coding/code_extract.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

// Runs inside the sandbox. Results go to a private copy of stdout, each line tagged with a
// per-run nonce; the candidate's own stdout/stderr go to /dev/null. Each top-level assert of
// the tests is one test with its own alarm; other statements are setup.
constexpr const char* kRunner = R"PY(
import ast, json, os, signal, sys
cfg = json.loads(sys.stdin.read())
out = os.fdopen(os.dup(1), "w")
null = os.open("/dev/null", os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
nonce = cfg.pop("nonce")
def emit(obj):
    out.write(nonce + json.dumps(obj) + "\n")
    out.flush()
class TestTimeout(BaseException):
    pass
def on_alarm(signum, frame):
    raise TestTimeout("test timed out")
signal.signal(signal.SIGALRM, on_alarm)
def describe(e):
    text = str(e)
    return type(e).__name__ + (": " + text[:300] if text else "")
try:
    tree = ast.parse(cfg["tests"])
except SyntaxError as e:
    emit({"stage": "tests", "ok": False, "error": describe(e)})
    sys.exit(0)
ns = {"__name__": "__main__"}
try:
    signal.alarm(cfg["test_seconds"])
    exec(compile(cfg["code"], "<answer>", "exec"), ns)
    signal.alarm(0)
    emit({"stage": "load", "ok": True})
except BaseException as e:
    signal.alarm(0)
    emit({"stage": "load", "ok": False, "error": describe(e)})
    sys.exit(0)
for node in tree.body:
    source = ast.get_source_segment(cfg["tests"], node) or ""
    code = compile(ast.Module(body=[node], type_ignores=[]), "<tests>", "exec")
    is_test = isinstance(node, ast.Assert)
    try:
        signal.alarm(cfg["test_seconds"])
        exec(code, ns)
        signal.alarm(0)
        if is_test:
            emit({"stage": "test", "test": source, "ok": True})
    except BaseException as e:
        signal.alarm(0)
        emit({"stage": "test" if is_test else "setup", "test": source, "ok": False,
              "error": describe(e)})
emit({"stage": "done"})
)PY";

std::string tests_text(const json& tests) {
  if (tests.is_string()) return tests.get<std::string>();
  std::string joined;
  if (tests.is_array())
    for (const auto& t : tests)
      if (t.is_string()) joined += t.get<std::string>() + "\n";
  return joined;
}

std::string random_nonce() {
  std::random_device rd;
  std::ostringstream s;
  s << "@@" << std::hex << rd() << rd() << rd() << "@@";
  return s.str();
}

int count_asserts_hint(const std::string& tests) {
  int n = 0;
  std::istringstream lines(tests);
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind("assert", 0) == 0) ++n;
  return n;
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
  Score score;
  const std::string entry_point = item_data.value("entry_point", std::string());
  const std::string tests = item_data.contains("tests") ? tests_text(item_data["tests"]) : "";
  if (tests.empty()) {
    score.details["unscored"] = "item has no 'tests'";
    return score;
  }
  const std::string code = extract_code(response, entry_point);
  const std::string nonce = random_nonce();
  const int test_seconds = std::max(1, limits.cpu_seconds / 2);
  const json config = {{"code", code}, {"tests", tests}, {"test_seconds", test_seconds},
                       {"nonce", nonce}};
  const SandboxResult run =
      run_sandboxed({sandbox_python(), "-I", "-S", "-c", kRunner}, config.dump(), limits);

  json results = json::array();
  std::string load_error, setup_error;
  bool done = false, loaded = false;
  std::istringstream lines(run.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(nonce, 0) != 0) continue;
    const json entry = json::parse(line.substr(nonce.size()), nullptr, false);
    if (!entry.is_object()) continue;
    const std::string stage = entry.value("stage", "");
    if (stage == "load") {
      loaded = entry.value("ok", false);
      if (!loaded) load_error = entry.value("error", "");
    } else if (stage == "tests") {
      score.details["unscored"] = "the item's tests do not parse: " + entry.value("error", "");
      return score;
    } else if (stage == "test") {
      json t = {{"test", entry.value("test", "")}, {"passed", entry.value("ok", false)}};
      if (entry.contains("error")) t["error"] = entry["error"];
      results.push_back(t);
    } else if (stage == "setup" && setup_error.empty()) {
      setup_error = entry.value("error", "");
    } else if (stage == "done") {
      done = true;
    }
  }
  int passed = 0;
  for (const auto& t : results)
    if (t["passed"].get<bool>()) ++passed;
  // Tests after a crash or kill never reported: they count as failed.
  const int expected = std::max<int>(static_cast<int>(results.size()), count_asserts_hint(tests));
  const int total = done ? static_cast<int>(results.size()) : std::max(expected, 1);
  score.value = (done && loaded && total > 0 && passed == total) ? 1.0 : 0.0;
  score.extracted = code.substr(0, 4000);
  score.details["tests"] = results;
  score.details["passed"] = passed;
  score.details["total"] = total;
  score.details["fraction_passed"] = total > 0 ? static_cast<double>(passed) / total : 0.0;
  if (!load_error.empty()) score.details["load_error"] = load_error;
  if (!setup_error.empty()) score.details["setup_error"] = setup_error;
  if (!done) {
    score.details["incomplete"] = run.timed_out ? "wall-clock timeout"
                                  : run.signal  ? "killed by signal " + std::to_string(run.signal)
                                                : "exited early (code " +
                                                      std::to_string(run.exit_code) + ")";
  }
  score.details["wall_ms"] = run.wall_ms;
  return score;
}

}  // namespace ds::scorers
