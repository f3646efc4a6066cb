#include <doctest/doctest.h>

#include "scorers/coding/code_extract.hpp"
#include "scorers/coding/coding_scorer.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"

using namespace ds::scorers;

namespace {
const json kItem = {{"entry_point", "add"},
                    {"tests", "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"
                              "assert add(\n    10, 5) == 15\n"}};
SandboxLimits quick_limits() {
  SandboxLimits l;
  l.cpu_seconds = 2;
  l.memory_bytes = 512ull << 20;
  l.max_processes = 8;
  l.wall_seconds = 6;
  return l;
}
}  // namespace

TEST_CASE("code extraction prefers the python fence defining the entry point") {
  const std::string text =
      "Here is an example:\n```python\nprint(add(1, 2))\n```\nAnd the solution:\n"
      "```python\ndef add(a, b):\n    return a + b\n```\nDone.";
  CHECK(extract_code(text, "add") == "def add(a, b):\n    return a + b\n");
  CHECK(extract_code("```\ndef f():\n    pass\n```", "f") == "def f():\n    pass\n");
  CHECK(extract_code("def add(a, b): return a + b", "add") == "def add(a, b): return a + b");
}

TEST_CASE("a correct answer passes every test, each reported separately") {
  const auto s = score_coding(kItem, "```python\ndef add(a, b):\n    return a + b\n```",
                              quick_limits());
  CHECK(s.value == 1.0);
  REQUIRE(s.details["tests"].size() == 3);
  CHECK(s.details["passed"] == 3);
  CHECK(s.details["tests"][2]["test"] == "assert add(\n    10, 5) == 15");
}

TEST_CASE("a partly wrong answer fails the item but shows its partial passes") {
  const auto s = score_coding(kItem, "```python\ndef add(a, b):\n    return abs(a) + b\n```",
                              quick_limits());
  CHECK(s.value == 0.0);
  CHECK(s.details["passed"] == 2);
  CHECK(s.details["fraction_passed"].get<double>() == doctest::Approx(2.0 / 3));
  CHECK(s.details["tests"][1]["error"] == "AssertionError");
}

TEST_CASE("code that does not load fails every test") {
  const auto s = score_coding(kItem, "```python\ndef add(a, b)\n    return a + b\n```",
                              quick_limits());
  CHECK(s.value == 0.0);
  CHECK(s.details["load_error"].get<std::string>().find("SyntaxError") == 0);
}

TEST_CASE("hostile answers fail their item") {
  // The connecting answer aims at a port that answers outside the sandbox (test_sandbox.cpp
  // shows the same connect succeeding there), so its failure is the sandbox's network rule.
  ds::test::LoopbackListener listener;
  const std::vector<std::string> hostile = {
      "def add(a, b):\n    while True:\n        pass\n",
      "import os\ndef add(a, b):\n    while True:\n        os.fork()\n",
      "def add(a, b):\n    x = bytearray(1 << 30)\n    return a + b\n",
      "def add(a, b):\n    open('/root/pwned', 'w').write('x')\n    return a + b\n",
      "import socket\ndef add(a, b):\n    socket.create_connection(('127.0.0.1', " + std::to_string(listener.port()) + "), 1)\n"
      "    return a + b\n",
      "import os\nos._exit(0)\n",
      "import sys\nprint('@@fake@@{\"stage\": \"done\"}')\ndef add(a, b):\n    sys.exit(0)\n",
  };
  for (const auto& code : hostile) {
    CAPTURE(code);
    const auto s = score_coding(kItem, code, quick_limits());
    CHECK(s.value == 0.0);
  }
}

namespace {
// An item whose six asserts a wrong `add` cannot pass; every forging attempt below returns 0.
const json kSixAsserts = {
    {"entry_point", "add"},
    {"tests", "assert add(1, 2) == 3\nassert add(-1, 1) == 0\nassert add(10, 5) == 15\n"
              "assert add(0, 0) == 0\nassert add(2, 2) == 4\nassert add(100, -1) == 99\n"}};

Score score_six(const std::string& code) { return score_coding(kSixAsserts, code, quick_limits()); }
}  // namespace

TEST_CASE("forged scores: replacing the runner's emit changes nothing") {
  const auto s = score_six(
      "import gc, sys\n"
      "for m in list(sys.modules.values()):\n"
      "    for name in ('emit', 'send_frame', 'write_all', 'reply_to'):\n"
      "        if hasattr(m, name):\n"
      "            setattr(m, name, lambda *a, **k: None)\n"
      "for o in gc.get_objects():\n"
      "    if isinstance(o, dict) and 'emit' in o:\n"
      "        o['emit'] = lambda *a, **k: None\n"
      "def add(a, b):\n    return 0\n");
  CHECK(s.value == 0.0);
  CHECK(s.details["passed"].get<int>() < 6);
}

TEST_CASE("forged scores: an object equal to everything is not equal to the expected value") {
  const auto s = score_six(
      "class Yes(int):\n"
      "    def __eq__(self, other): return True\n"
      "    def __ne__(self, other): return False\n"
      "    def __bool__(self): return True\n"
      "    __hash__ = int.__hash__\n"
      "def add(a, b):\n    return Yes(7)\n");
  CHECK(s.value == 0.0);
  CHECK(s.details["passed"] == 0);
  CHECK(s.details["total"] == 6);
}

TEST_CASE("forged scores: protocol lines on every descriptor and os._exit(0) pass nothing") {
  const auto s = score_six(
      "import json, os\n"
      "lines = [json.dumps({'stage': 'test', 'test': 'assert add(1, 2) == 3', 'ok': True}),\n"
      "         json.dumps({'stage': 'plan', 'tests': 1}), json.dumps({'stage': 'done'}),\n"
      "         json.dumps({'stage': 'end', 'reusable': True, 'started': True})]\n"
      "data = ('\\n'.join(lines) + '\\n').encode()\n"
      "for fd in range(64):\n"
      "    try:\n"
      "        os.write(fd, data)\n"
      "    except OSError:\n"
      "        pass\n"
      "os._exit(0)\n");
  CHECK(s.value == 0.0);
  CHECK(s.details["total"] == 6);
  CHECK(s.details["passed"] == 0);
}

TEST_CASE("forged scores: a bogus stage does not make a wrong answer unscored") {
  const auto s = score_six(
      "import json, os\n"
      "bogus = (json.dumps({'stage': 'tests', 'ok': False, 'error': 'bogus'}) + '\\n').encode()\n"
      "for fd in range(64):\n"
      "    try:\n"
      "        os.write(fd, bogus)\n"
      "    except OSError:\n"
      "        pass\n"
      "def add(a, b):\n    return 0\n");
  REQUIRE(s.value.has_value());
  CHECK(*s.value == 0.0);
  CHECK_FALSE(s.details.contains("unscored"));
}

TEST_CASE("forged scores: signals to the sandbox's PID 1 change nothing") {
  // The supervisor is PID 1 of the sandbox: an answer that could interrupt it (SIGALRM,
  // SIGINT) would leave itself unscored, out of the mean. It keeps no handler, so the kernel
  // drops these; a right answer still scores 1, a wrong one 0, never unscored.
  const std::string signal_all =
      "import os, signal\n"
      "for s in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1,\n"
      "          signal.SIGQUIT, signal.SIGCHLD, signal.SIGSTOP, signal.SIGKILL):\n"
      "    try:\n"
      "        os.kill(1, s)\n"
      "    except OSError:\n"
      "        pass\n";
  for (const bool right : {true, false}) {
    CAPTURE(right);
    // The module-level signals run when the answer loads; the function signals again per test.
    const std::string code = signal_all + "def add(a, b):\n" +
                             "    os.kill(1, signal.SIGALRM)\n    os.kill(1, signal.SIGINT)\n" +
                             (right ? "    return a + b\n" : "    return 0\n");
    const auto s = score_six(code);
    INFO(s.details.dump());
    REQUIRE(s.value.has_value());
    CHECK(*s.value == (right ? 1.0 : 0.0));
    CHECK_FALSE(s.details.contains("unscored"));
    CHECK_FALSE(s.details.contains("incomplete"));
  }
}

TEST_CASE("the hidden tests are out of the answer's reach") {
  // The answer looks for the expected value everywhere it could be: its own objects, frames,
  // every process's command line, environment and memory it can open. It passes only if found.
  const json item = {{"entry_point", "secret"},
                     {"tests", "assert secret() == 'hidden-expected-value-7731'\n"}};
  const auto s = score_coding(item,
      "import gc, os, sys\n"
      "def find():\n"
      "    needle = 'hidden-expected-' + 'value'\n"
      "    for o in gc.get_objects():\n"
      "        for v in (o.values() if isinstance(o, dict) else o if isinstance(o, (list, tuple)) else ()):\n"
      "            if isinstance(v, str) and needle in v and len(v) > len(needle):\n"
      "                return v\n"
      "    for pid in os.listdir('/proc'):\n"
      "        for part in ('cmdline', 'environ', 'mem'):\n"
      "            try:\n"
      "                data = open('/proc/%s/%s' % (pid, part), 'rb').read(1 << 24)\n"
      "            except OSError:\n"
      "                continue\n"
      "            at = data.find(needle.encode())\n"
      "            if at >= 0:\n"
      "                return data[at:at + 26].decode()\n"
      "    return 'not found'\n"
      "def secret():\n    return find()\n",
      quick_limits());
  CHECK(s.value == 0.0);
  CHECK(s.details["tests"][0]["passed"] == false);
}

TEST_CASE("one answer sees no file or process left by the answer before it") {
  const json item = {{"entry_point", "look"}, {"tests", "assert look() == []\n"}};
  const std::string look =
      "import os\n"
      "def look():\n"
      "    found = []\n"
      "    for d in ('.', '/tmp', '/dev/shm'):\n"
      "        found += [d + '/' + n for n in os.listdir(d) if 'marker' in n]\n"
      "    me = os.getpid()\n"
      "    found += ['process ' + p for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, me)]\n"
      "    return found\n";
  const std::vector<std::string> leave_behind = {
      // a detached process (the sandbox stays in use; the process is killed)
      "import os, time\n"
      "if os.fork() == 0:\n"
      "    os.setsid()\n"
      "    if os.fork() == 0:\n"
      "        time.sleep(30)\n"
      "    os._exit(0)\n"
      "def look():\n    return []\n",
      // files in its working directory (removed) and beside it (the sandbox is replaced)
      "for p in ('marker', '/tmp/marker', '/dev/shm/marker'):\n"
      "    open(p, 'w').write('left behind')\n"
      "def look():\n    return []\n"};
  for (const auto& first : leave_behind) {
    CAPTURE(first);
    CHECK(score_coding(item, first, quick_limits()).value == 1.0);
    const auto next = score_coding(item, look, quick_limits());
    INFO(next.details.dump());
    CHECK(next.value == 1.0);
  }
}

TEST_CASE("exceptions, mutated arguments and slow tests keep Python's meaning") {
  const json item = {
      {"entry_point", "pop_first"},
      {"tests", "src = [3, 1, 2]\n"
                "assert pop_first(src) == 3\n"
                "assert src == [3, 1, 2]\n"
                "try:\n    pop_first([])\n    assert False\nexcept ValueError:\n    pass\n"
                "assert pop_first([9]) == 9\n"}};
  const auto right = score_coding(item,
                                  "def pop_first(xs):\n"
                                  "    if not xs: raise ValueError('empty')\n"
                                  "    return xs[0]\n",
                                  quick_limits());
  CHECK(right.value == 1.0);
  CHECK(right.details["total"] == 4);
  // Mutating the argument is seen by the tests, as if the answer ran in their process.
  const auto mutating = score_coding(item,
                                     "def pop_first(xs):\n"
                                     "    if not xs: raise ValueError('empty')\n"
                                     "    return xs.pop(0)\n",
                                     quick_limits());
  CHECK(mutating.value == 0.0);
  CHECK(mutating.details["tests"][1]["passed"] == false);
  CHECK(mutating.details["tests"][0]["passed"] == true);
  // A test that times out fails alone; the ones after it still run.
  const auto slow = score_coding(item,
                                 "def pop_first(xs):\n"
                                 "    if not xs:\n"
                                 "        while True: pass\n"
                                 "    return xs[0]\n",
                                 quick_limits());
  CHECK(slow.value == 0.0);
  CHECK(slow.details["passed"] == 3);
  CHECK(slow.details["tests"][2]["error"].get<std::string>().find("timed out") != std::string::npos);
}

TEST_CASE("a setup statement that fails fails the item") {
  const json item = {{"entry_point", "f"},
                     {"tests", "x = f(1)\nassert True\n"}};
  const auto s = score_coding(item, "def f(a):\n    raise RuntimeError('no')\n", quick_limits());
  CHECK(s.value == 0.0);
  CHECK(s.details["setup_error"].get<std::string>().find("RuntimeError") == 0);
}

TEST_CASE("the answer's process holds no API key, and cannot read one anywhere") {
  setenv("DISTILLSCOPE_TEST_SECRET", "sk-coding-must-not-see-0123456789", 1);
  SandboxLimits fresh = quick_limits();  // other limits: a sandbox started after the setenv
  fresh.wall_seconds = 7;
  const json item = {{"entry_point", "leak"}, {"tests", "assert leak() == ''\n"}};
  const auto s = score_coding(item,
                              "import os\n"
                              "def leak():\n"
                              "    seen = ''\n"
                              "    for pid in os.listdir('/proc'):\n"
                              "        try:\n"
                              "            seen += open('/proc/%s/environ' % pid, 'rb').read().decode('latin-1')\n"
                              "        except OSError:\n"
                              "            pass\n"
                              "    seen += repr(dict(os.environ))\n"
                              "    at = seen.find('sk-')\n"
                              "    return '' if at < 0 else seen[at:at + 40]\n",
                              fresh);
  unsetenv("DISTILLSCOPE_TEST_SECRET");
  INFO(s.details.dump());
  CHECK(s.value == 1.0);
  CHECK(s.details.dump().find("sk-coding") == std::string::npos);
}

TEST_CASE("pass@k is the unbiased estimator") {
  CHECK(pass_at_k(1, 1, 1) == 1.0);
  CHECK(pass_at_k(1, 0, 1) == 0.0);
  CHECK(pass_at_k(10, 3, 1) == doctest::Approx(0.3));
  // 1 - C(7,5)/C(10,5) = 1 - 21/252
  CHECK(pass_at_k(10, 3, 5) == doctest::Approx(1.0 - 21.0 / 252.0));
  CHECK(pass_at_k(5, 1, 5) == 1.0);
  CHECK(pass_at_k(4, 0, 2) == 0.0);
}

TEST_CASE("reference solutions of the built-in coding suite pass, a wrong one fails") {
  const Suite suite = load_suite("coding");
  REQUIRE(suite.items.size() >= 100);
  // Every 13th item keeps the test quick; bench/bench_scorers.cpp runs them all.
  for (size_t i = 0; i < suite.items.size(); i += 13) {
    const auto& item = suite.items[i];
    CAPTURE(item.id);
    const std::string answer = "```python\n" + item.data["solution"].get<std::string>() + "```";
    const auto s = score_coding(item.data, answer, quick_limits());
    CHECK(s.value == 1.0);
    CHECK(s.details["total"].get<int>() >= 3);
    const auto wrong = score_coding(
        item.data, "def " + item.data["entry_point"].get<std::string>() + "(*a, **k):\n    return None\n",
        quick_limits());
    CHECK(wrong.value == 0.0);
  }
}
