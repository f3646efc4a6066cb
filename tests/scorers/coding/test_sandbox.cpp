#include <doctest/doctest.h>
#include <sys/syscall.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "scorers/coding/bwrap_command.hpp"
#include "scorers/coding/sandbox.hpp"
#include "scorers/coding/sandbox_budget.hpp"
#include "tests/support/process.hpp"

using namespace ds::scorers;

namespace {
SandboxLimits quick_limits() {
  SandboxLimits l;
  l.cpu_seconds = 2;
  l.memory_bytes = 512ull << 20;
  l.max_processes = 8;
  l.wall_seconds = 6;
  return l;
}
std::string json_quote(const std::string& s) { return "'" + s + "'"; }
SandboxResult python(const std::string& code, const SandboxLimits& limits = quick_limits()) {
  return run_sandboxed({"/usr/bin/python3", "-I", "-S", "-c", code}, "", limits);
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

TEST_CASE("the memory budget is split so that every process and file together fit in it") {
  const SandboxLimits limits = quick_limits();
  const SandboxBudget budget = split_budget(limits, 2);
  CHECK(budget.processes == 2 + limits.max_processes);
  CHECK(budget.total() <= limits.memory_bytes);
  CHECK(budget.total() > limits.memory_bytes - (1u << 20));  // and little of it is left unused
  CHECK(budget.tmp_bytes == limits.max_file_bytes);
  SandboxLimits tiny = limits;
  tiny.memory_bytes = 128ull << 20;
  CHECK_THROWS_WITH_AS(split_budget(tiny, 2), doctest::Contains("raise the budget"), SandboxUnavailable);
}

TEST_CASE("many processes each taking all the memory they can stay within the sandbox's budget") {
  // Every process may allocate up to its share; together they cannot exceed the budget.
  const SandboxLimits limits = quick_limits();
  const auto r = python(
      "import os, time\n"
      "r, w = os.pipe()\n"
      "for _ in range(12):\n"
      "    try:\n"
      "        pid = os.fork()\n"
      "    except OSError:\n"
      "        break\n"
      "    if pid == 0:\n"
      "        got, keep = 0, []\n"
      "        try:\n"
      "            while got < (1 << 30):\n"
      "                keep.append(bytearray(4 << 20)); got += 4 << 20\n"
      "        except MemoryError:\n"
      "            pass\n"
      "        os.write(w, b'%d\\n' % got); time.sleep(1); os._exit(0)\n"
      "os.close(w)\n"
      "time.sleep(0.5)\n"
      "print(sum(int(x) for x in os.read(r, 1 << 16).split()))\n",
      limits);
  REQUIRE(r.exit_code == 0);
  const double total = std::stod(r.out);
  CHECK(total > 0);
  CHECK(total < static_cast<double>(limits.memory_bytes));
}

TEST_CASE("only /tmp and /dev/shm are writable, each within its size") {
  const SandboxLimits limits = quick_limits();
  const auto r = python(
      "import os\n"
      "for d in ['/', '/dev', '/dev/shm', '/tmp', '/usr']:\n"
      "    n = 0\n"
      "    try:\n"
      "        with open(os.path.join(d, 'fill'), 'wb') as f:\n"
      "            for _ in range(64):\n"
      "                f.write(b'x' * (1 << 20)); n += 1 << 20\n"
      "    except OSError:\n"
      "        pass\n"
      "    print(d, n)\n",
      limits);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("/ 0\n") != std::string::npos);
  CHECK(r.out.find("/dev 0\n") != std::string::npos);
  CHECK(r.out.find("/usr 0\n") != std::string::npos);
  const SandboxBudget budget = split_budget(limits, 2);
  for (const auto& [dir, cap] : {std::pair<std::string, size_t>{"/dev/shm", budget.shm_bytes},
                                 std::pair<std::string, size_t>{"/tmp", budget.tmp_bytes}}) {
    CAPTURE(dir);
    const auto at = r.out.find(dir + " ");
    REQUIRE(at != std::string::npos);
    const size_t written = std::stoull(r.out.substr(at + dir.size() + 1));
    CHECK(written > 0);
    CHECK(written <= cap);
  }
}

TEST_CASE("no nested user namespace, mount, keyring, ptrace or memfd inside") {
  const auto r = python(
      "import ctypes, errno, os\n"
      "libc = ctypes.CDLL(None, use_errno=True)\n"
      "def err(rc):\n"
      "    return 'ok' if rc == 0 else errno.errorcode[ctypes.get_errno()]\n"
      "print('unshare-user', err(libc.unshare(0x10000000)))\n"
      "print('unshare-mount', err(libc.unshare(0x00020000)))\n"
      "print('mount', err(libc.mount(b'none', b'/tmp', b'tmpfs', 0, None)))\n"
      "print('keyctl', err(libc.syscall(" + std::to_string(SYS_keyctl) + ", 0, -3, 0, 0, 0)))\n"
      "print('ptrace', err(libc.ptrace(16, 1, 0, 0)))\n"         // PTRACE_ATTACH to PID 1
      "try:\n"
      "    os.memfd_create('x'); print('memfd ok')\n"
      "except OSError as e:\n"
      "    print('memfd', errno.errorcode[e.errno])\n");
  REQUIRE(r.exit_code == 0);
  for (const char* line : {"unshare-user EPERM", "unshare-mount EPERM", "mount EPERM",
                           "keyctl EPERM", "ptrace EPERM", "memfd EPERM"}) {
    CAPTURE(line);
    CHECK(r.out.find(line) != std::string::npos);
  }
}

TEST_CASE("bwrap forbids nested user namespaces where it can") {
  const auto bwrap = find_bwrap();
  REQUIRE(bwrap);
  const auto args = bwrap_arguments(*bwrap, split_budget(quick_limits(), 2), {}, {"/bin/true"});
  const bool listed = std::find(args.begin(), args.end(), "--disable-userns") != args.end();
  CHECK(listed == bwrap_supports(*bwrap, "--disable-userns"));
  CHECK(std::find(args.begin(), args.end(), "--seccomp") != args.end());
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
  // A port that answers: the same connect succeeds outside the sandbox, so a refusal inside
  // is the sandbox's doing, not an empty port.
  ds::test::LoopbackListener listener;
  const std::string connect =
      "import socket\n"
      "s = socket.socket()\n"
      "s.settimeout(1)\n"
      "try:\n"
      "    s.connect(('127.0.0.1', " + std::to_string(listener.port()) + ")); print('connected')\n"
      "except OSError as e:\n"
      "    print('blocked', e.errno)\n";
  const auto outside = ds::test::run_program({"/usr/bin/python3", "-I", "-S", "-c", connect});
  REQUIRE(outside.out == "connected\n");
  const auto inside = python(connect);
  CHECK(inside.out.rfind("blocked", 0) == 0);
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
