#include <doctest/doctest.h>

#include "scorers/coding/code_extract.hpp"
#include "scorers/coding/coding_scorer.hpp"
#include "tasks/suite.hpp"

using namespace ds::scorers;

namespace {
const json kItem = {{"entry_point", "add"},
                    {"tests", "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"
                              "assert add(\n    10, 5) == 15\n"}};
SandboxLimits quick_limits() {
  SandboxLimits l;
  l.cpu_seconds = 2;
  l.memory_bytes = 256ull << 20;
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
  const std::vector<std::string> hostile = {
      "def add(a, b):\n    while True:\n        pass\n",
      "import os\ndef add(a, b):\n    while True:\n        os.fork()\n",
      "def add(a, b):\n    x = bytearray(1 << 30)\n    return a + b\n",
      "def add(a, b):\n    open('/root/pwned', 'w').write('x')\n    return a + b\n",
      "import socket\ndef add(a, b):\n    socket.create_connection(('127.0.0.1', 80), 1)\n"
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
