#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "scorers/coding/sandbox.hpp"
#include "tests/support/process.hpp"

using namespace ds::scorers;

namespace {
SandboxLimits quick_limits() {
  SandboxLimits l;
  l.cpu_seconds = 2;
  l.memory_bytes = 256ull << 20;
  l.max_processes = 8;
  l.wall_seconds = 4;
  return l;
}
std::string json_quote(const std::string& s) { return "'" + s + "'"; }
SandboxResult python(const std::string& code) {
  return run_sandboxed({"/usr/bin/python3", "-I", "-S", "-c", code}, "", quick_limits());
}
}  // namespace

TEST_CASE("sandbox runs python and passes stdin through") {
  const auto r = run_sandboxed({"/usr/bin/python3", "-c", "import sys; print(sys.stdin.read()[::-1])"},
                               "olleh", quick_limits());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "hello\n");
  CHECK_FALSE(r.timed_out);
}

TEST_CASE("sandbox kills an infinite loop") {
  const auto r = python("while True: pass");
  CHECK(r.exit_code != 0);
  CHECK(r.wall_ms < 8000);
}

TEST_CASE("sandbox stops a fork bomb") {
  const auto r = python(
      "import os, time\n"
      "n = 0\n"
      "try:\n"
      "    for _ in range(10000):\n"
      "        if os.fork() == 0:\n"
      "            time.sleep(30); os._exit(0)\n"
      "        n += 1\n"
      "except OSError:\n"
      "    pass\n"
      "print(n)\n");
  REQUIRE(r.exit_code == 0);
  CHECK(std::stoi(r.out) < 20);  // RLIMIT_NPROC stopped it long before 10000
  CHECK(r.wall_ms < 8000);       // and the sleeping children did not keep the run alive
}

TEST_CASE("sandbox caps memory") {
  const auto r = python("x = bytearray(512 * 1024 * 1024)\nprint('allocated')");
  CHECK(r.out.find("allocated") == std::string::npos);
  CHECK(r.err.find("MemoryError") != std::string::npos);
}

TEST_CASE("sandbox cannot write outside its tmpfs") {
  ds::test::TempDir dir;
  const std::string target = dir.file("escaped.txt");
  const std::string home_target = std::string(std::getenv("HOME") ? std::getenv("HOME") : "/root") +
                                  "/distillscope-sandbox-escape.txt";
  const auto r = python("import sys\nok = []\nfor p in [" + json_quote(target) + ", " +
                        json_quote(home_target) +
                        ", '/usr/escape.txt']:\n"
                        "    try:\n"
                        "        open(p, 'w').write('x'); ok.append(p)\n"
                        "    except OSError:\n"
                        "        pass\n"
                        "open('/tmp/inside.txt', 'w').write('fine')\n"
                        "print(len(ok))\n");
  CHECK(r.out == "0\n");
  CHECK_FALSE(std::filesystem::exists(target));
  CHECK_FALSE(std::filesystem::exists(home_target));
  CHECK_FALSE(std::filesystem::exists("/usr/escape.txt"));
  CHECK_FALSE(std::filesystem::exists("/tmp/inside.txt"));  // the tmpfs is private
}

TEST_CASE("sandbox has no network, not even loopback") {
  const auto r = python(
      "import socket\n"
      "s = socket.socket()\n"
      "s.settimeout(1)\n"
      "try:\n"
      "    s.connect(('127.0.0.1', 22)); print('connected')\n"
      "except OSError as e:\n"
      "    print('blocked', e.errno)\n");
  CHECK(r.out.rfind("blocked", 0) == 0);
}

TEST_CASE("sandbox refuses to run without bubblewrap and says how to install it") {
  setenv("DISTILLSCOPE_BWRAP", "/nonexistent/bwrap", 1);
  CHECK_THROWS_WITH_AS(python("print(1)"), doctest::Contains("apt-get install bubblewrap"),
                       SandboxUnavailable);
  unsetenv("DISTILLSCOPE_BWRAP");
}

TEST_CASE("no process in the sandbox can read the caller's environment (API keys)") {
  // Every process visible inside, bwrap itself (PID 1) included, reads as clean.
  setenv("DISTILLSCOPE_TEST_SECRET", "sk-sandbox-must-not-see-this-0123456789", 1);
  const auto r = python(
      "import os\n"
      "seen = []\n"
      "for pid in os.listdir('/proc'):\n"
      "    if not pid.isdigit(): continue\n"
      "    try:\n"
      "        seen.append(open('/proc/%s/environ' % pid, 'rb').read().decode('latin-1'))\n"
      "    except OSError:\n"
      "        pass\n"
      "seen.append('\\0'.join('%s=%s' % kv for kv in os.environ.items()))\n"
      "print(len(seen)); print('\\n'.join(seen))\n");
  unsetenv("DISTILLSCOPE_TEST_SECRET");
  REQUIRE(r.exit_code == 0);
  CHECK(std::stoi(r.out) >= 2);  // PID 1 (bwrap) and the answer's own process were read
  CHECK(r.out.find("sk-sandbox-must-not-see-this") == std::string::npos);
  CHECK(r.out.find("DISTILLSCOPE_TEST_SECRET") == std::string::npos);
}
