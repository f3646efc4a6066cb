// Hostile model answers through the real `run` path: `distillscope serve --replay` serves each
// attack as the answer of a model to a coding item with six asserts, `run` asks for them with a
// (fake) API key in its environment and scores them in the coding sandbox. Every attack must
// score 0 (not pass, not "unscored"), the key must appear in no file and no output, the run must
// exit 0, and the memory all of it takes must stay within the sandboxes' budgets.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "tests/integration/run_helpers.hpp"

using namespace ds::harness;
using namespace ds::test;

namespace {

const char* const kTests =
    "assert add(1, 2) == 3\nassert add(-1, 1) == 0\nassert add(10, 5) == 15\n"
    "assert add(0, 0) == 0\nassert add(2, 2) == 4\nassert add(100, -1) == 99\n";

// name -> the code of the answer (wrapped in a ```python fence when served).
const std::map<std::string, std::string> kAttacks = {
    {"environ", R"(import os
found = []
for pid in os.listdir('/proc'):
    for part in ('environ', 'cmdline'):
        try:
            data = open('/proc/%s/%s' % (pid, part), 'rb').read()
        except OSError:
            continue
        for marker in (b'sk-', b'API_KEY'):
            at = data.find(marker)
            if at >= 0:
                found.append(data[max(0, at - 20):at + 60].decode('latin-1'))
found += ['%s=%s' % kv for kv in os.environ.items()]
raise RuntimeError('seen: %r' % found)
def add(a, b):
    return 0
)"},
    {"fill-files", R"(import os
for d in ('/', '/dev', '/dev/shm', '/tmp', '.'):
    try:
        with open(os.path.join(d, 'fill'), 'wb') as f:
            for _ in range(2048):
                f.write(b'x' * (1 << 20))
    except OSError:
        pass
def add(a, b):
    return 0
)"},
    {"processes-times-memory", R"(import os, time
for _ in range(16):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        keep = []
        try:
            for _ in range(128):
                keep.append(b'\x01' * (4 << 20))  # written, so resident
        except MemoryError:
            pass
        time.sleep(2)
        os._exit(0)
time.sleep(2.5)
def add(a, b):
    return 0
)"},
    {"unshare-mount", R"(import ctypes
libc = ctypes.CDLL(None, use_errno=True)
got = [libc.unshare(0x10000000), libc.unshare(0x00020000),
       libc.mount(b'none', b'/tmp', b'tmpfs', 0, None)]
def add(a, b):
    return 0
)"},
    {"forge-emit", R"(import gc, sys
for m in list(sys.modules.values()):
    for name in ('emit', 'send_frame', 'write_all', 'reply_to', 'encode'):
        if hasattr(m, name):
            setattr(m, name, lambda *a, **k: None)
for o in gc.get_objects():
    if isinstance(o, dict) and 'emit' in o:
        o['emit'] = lambda *a, **k: None
def add(a, b):
    return 0
)"},
    {"forge-eq", R"(class Yes(int):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = int.__hash__
def add(a, b):
    return Yes(7)
)"},
    {"forge-protocol-exit", R"(import json, os
lines = [{'stage': 'plan', 'tests': 1}, {'stage': 'load', 'ok': True},
         {'stage': 'test', 'test': 'assert add(1, 2) == 3', 'ok': True}, {'stage': 'done'},
         {'stage': 'end', 'reusable': True, 'started': True}]
data = ''.join(json.dumps(l) + '\n' for l in lines).encode()
for fd in range(64):
    try:
        os.write(fd, data)
    except OSError:
        pass
os._exit(0)
)"},
    {"forge-bogus-stage", R"(import json, os
bogus = (json.dumps({'stage': 'tests', 'ok': False, 'error': 'bogus'}) + '\n').encode()
for fd in range(64):
    try:
        os.write(fd, bogus)
    except OSError:
        pass
def add(a, b):
    return 0
)"},
    {"deep-json", R"(import os
deep = ('[' * 200000 + ']' * 200000).encode()
for fd in range(64):
    try:
        os.write(fd, deep)
    except OSError:
        pass
def add(a, b):
    x = []
    for _ in range(100000):
        x = [x]
    return x
)"},
    {"read-hidden-tests", R"(import gc, os
def add(a, b):
    for o in gc.get_objects():
        if isinstance(o, str) and 'add(100, -1)' in o:
            return 99
    for pid in os.listdir('/proc'):
        for part in ('cmdline', 'mem'):
            try:
                if b'add(100, -1)' in open('/proc/%s/%s' % (pid, part), 'rb').read(1 << 24):
                    return 99
            except OSError:
                pass
    return 0
)"},
};

const char* const kCorrect = "def add(a, b):\n    return a + b\n";

std::string prompt_for(const std::string& name) {
  return "Hostile answer '" + name + "'. Implement:\n```python\ndef add(a, b):\n```";
}

// Writes the suite and the replay transcript that answers each item with its attack.
std::string write_fixtures(const TempDir& dir) {
  std::filesystem::create_directories(dir.file("replay"));
  std::ofstream suite(dir.file("hostile.jsonl")), transcript(dir.file("replay/hostile.jsonl"));
  auto add = [&](const std::string& name, const std::string& code) {
    suite << json{{"id", "hostile-" + name}, {"suite", "coding"}, {"kind", "coding"},
                  {"entry_point", "add"}, {"prompt", prompt_for(name)}, {"tests", kTests}}.dump()
          << "\n";
    transcript << json{{"messages", {{{"role", "user"}, {"content", prompt_for(name)}}}},
                       {"text", "```python\n" + code + "```"}}.dump()
               << "\n";
  };
  for (const auto& [name, code] : kAttacks) add(name, code);
  add("correct", kCorrect);
  return dir.file("hostile.jsonl");
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

long meminfo_kb(const std::string& field) {
  std::ifstream in("/proc/meminfo");
  std::string name;
  long kb = 0;
  std::string unit;
  while (in >> name >> kb >> unit)
    if (name == field + ":") return kb;
  return 0;
}

// Anonymous memory of every process descending from this one, plus tmpfs growth, in kB.
long tree_memory_kb(long shmem_at_start) {
  std::map<int, int> parent;
  std::map<int, long> anon;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename().string();
    if (pid.empty() || !std::isdigit(static_cast<unsigned char>(pid[0]))) continue;
    std::ifstream status(entry.path() / "status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("PPid:", 0) == 0) parent[std::stoi(pid)] = std::stoi(line.substr(5));
      if (line.rfind("RssAnon:", 0) == 0) anon[std::stoi(pid)] = std::stol(line.substr(8));
    }
  }
  long total = 0;
  const int me = ::getpid();
  for (const auto& [pid, kb] : anon) {
    for (int p = pid, hops = 0; p > 1 && hops < 64; p = parent.count(p) ? parent[p] : 0, ++hops) {
      if (p == me && pid != me) {
        total += kb;
        break;
      }
    }
  }
  return total + std::max(0L, meminfo_kb("Shmem") - shmem_at_start);
}

}  // namespace

TEST_CASE("hostile answers through `run`: all score 0, no key anywhere, bounded memory") {
  const std::string secret = "sk-distillscope-hostile-5e3b7c91d2a4";
  setenv("OPENAI_API_KEY", secret.c_str(), 1);
  TempDir dir;
  const std::string suite = write_fixtures(dir);
  ds::test::ServeProcess server({"--replay", dir.file("replay")});

  const long shmem_at_start = meminfo_kb("Shmem");
  std::atomic<bool> running{true};
  std::atomic<long> peak_kb{0};
  std::thread sampler([&] {
    while (running) {
      peak_kb = std::max(peak_kb.load(), tree_memory_kb(shmem_at_start));
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
    }
  });
  const auto run = run_distillscope({"run", "--model", "openai:hostile@" + server.base_url(),
                                     "--suite", suite, "--db", dir.file("store.db"), "--cache",
                                     dir.file("cache.db"), "--jsonl", dir.file("out.jsonl")});
  running = false;
  sampler.join();
  unsetenv("OPENAI_API_KEY");
  INFO(run.out);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);

  Store store(dir.file("store.db"));
  std::map<int64_t, std::string> item_of;
  for (const auto& r : store.responses({})) item_of[r.id] = r.item_id;
  std::map<std::string, StoredScore> scores;
  for (const auto& s : store.scores("coding")) scores[item_of[s.response_id]] = s;
  REQUIRE(scores.size() == kAttacks.size() + 1);
  for (const auto& [name, code] : kAttacks) {
    CAPTURE(name);
    const StoredScore& s = scores["hostile-" + name];
    INFO(s.details.dump());
    REQUIRE(s.value.has_value());  // scored, not "unscored"
    CHECK(*s.value == 0.0);
  }
  CHECK(scores["hostile-correct"].value == 1.0);  // the suite and the path do score a right answer

  for (const auto& output : {run.out, run.err}) CHECK(output.find(secret) == std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    INFO(entry.path().string());
    CHECK(slurp(entry.path().string()).find(secret) == std::string::npos);
  }
  // Two workers, each with a sandbox budget of SandboxLimits{}.memory_bytes (1 GiB) for the
  // answers and a small judge; without the caps the attacks ask for well over 4 GiB.
  MESSAGE("peak memory of the run's process tree: " << peak_kb / 1024 << " MiB");
  CHECK(peak_kb < 1536L * 1024);
}
