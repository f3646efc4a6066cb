// kill -9 in the middle of a run, start it again: nothing answered is asked twice, and the
// result equals an uninterrupted run. Shards of an interrupted run merge to the same result.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "tests/integration/run_helpers.hpp"


using namespace ds::test;
using ds::core::json;

namespace {

std::vector<std::string> run_args(const ServeProcess& server, const std::string& suite,
                                  const std::string& db, const std::string& cache) {
  return {"run", "--model", "openai:sim-teacher@" + server.base_url(), "--suite", suite,
          "--db", db, "--cache", cache, "--concurrency", "4", "--no-progress"};
}

// The answers the run has stored so far, read-only: the poll never creates or writes the
// store the run is opening (a poll that did once left the killed run with nothing stored).
size_t stored_answers(const std::string& db) {
  if (!std::filesystem::exists(db)) return 0;
  return ds::results::Store(db, /*read_only=*/true).responses({}).size();
}

// Starts the run, kills it with SIGKILL once some answers are stored (waiting up to a minute:
// a loaded machine can take seconds to start the run).
void run_and_kill(const std::vector<std::string>& args, const std::string& db, const TempDir& dir) {
  const pid_t pid = spawn_distillscope(args, dir.file("killed.log"));
  for (int i = 0; i < 2400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    try {
      if (stored_answers(db) >= 20) break;
    } catch (...) {
    }
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

size_t answered_requests(const ServeProcess& server, const std::string& model) {
  const json stats = json::parse(server.http_get("/stats"));
  return stats["models"][model]["answered"].get<size_t>();
}

}  // namespace

TEST_CASE("kill -9 mid-run and restart: no answered request is sent twice") {
  TempDir dir;
  // 240 requests of 80 ms at concurrency 4 take ≈ 5 s, so the kill comes mid-run even when a
  // loaded machine polls the store late (120 requests of 40 ms took ≈ 1.2 s).
  constexpr size_t kRequests = 240;
  const std::string suite = write_small_suite(dir, kRequests);
  ServeProcess server({"--simulate", "--latency-ms", "80"});
  const std::string db = dir.file("r.db");
  const auto args = run_args(server, suite, db, dir.file("cache.db"));
  run_and_kill(args, db, dir);
  const size_t before = answers(db).size();
  std::ifstream killed_log(dir.file("killed.log"));
  INFO("the killed run's output: " << std::string(std::istreambuf_iterator<char>(killed_log), {}));
  CHECK(before > 0);
  CHECK(before < kRequests);
  const auto resumed = run_distillscope(args);
  INFO(resumed.err);
  CHECK(resumed.exit_code == 0);
  CHECK(answers(db).size() == kRequests);
  // Requests killed in flight may have been answered by the server without reaching the
  // store: the concurrency (4), plus answers received but not yet committed, since the writer
  // commits every 50 ms (StoreWriter::kBatchSeconds), i.e. at most one more round of 4 at 80 ms
  // latency. Everything stored was never asked again.
  const size_t served = answered_requests(server, "sim-teacher");
  CHECK(served >= kRequests);
  CHECK(served <= kRequests + 2 * 4);
  // A third run has nothing to do.
  const auto again = run_distillscope(args);
  CHECK(again.exit_code == 0);
  CHECK(answered_requests(server, "sim-teacher") == served);

  // The same run uninterrupted, into a fresh store without cache, gives the same answers.
  const std::string clean_db = dir.file("clean.db");
  CHECK(run_distillscope({"run", "--model", "openai:sim-teacher@" + server.base_url(), "--suite",
                          suite, "--db", clean_db, "--no-cache", "--concurrency", "8",
                          "--no-progress"})
            .exit_code == 0);
  CHECK(answers(clean_db) == answers(db));
}

TEST_CASE("an interrupted sharded run merges to the same result as a single run") {
  TempDir dir;
  const std::string suite = write_small_suite(dir, 80);
  ServeProcess server({"--simulate", "--latency-ms", "30"});
  const std::string model = "openai:sim-student@" + server.base_url();
  const auto shard_args = [&](const std::string& shard, const std::string& db) {
    return std::vector<std::string>{"run", "--model", model, "--suite", suite, "--samples", "2",
                                    "--shard", shard, "--db", db, "--no-cache",
                                    "--concurrency", "4", "--no-progress"};
  };
  run_and_kill(shard_args("1/2", dir.file("s1.db")), dir.file("s1.db"), dir);
  CHECK(run_distillscope(shard_args("1/2", dir.file("s1.db"))).exit_code == 0);
  CHECK(run_distillscope(shard_args("2/2", dir.file("s2.db"))).exit_code == 0);
  const auto merged = run_distillscope({"merge", dir.file("s1.db"), dir.file("s2.db"), "--db", dir.file("all.db")});
  INFO(merged.err);
  CHECK(merged.exit_code == 0);
  CHECK(run_distillscope({"run", "--model", model, "--suite", suite, "--samples", "2", "--db",
                          dir.file("single.db"), "--no-cache", "--concurrency", "8", "--no-progress"})
            .exit_code == 0);
  const auto single = answers(dir.file("single.db"));
  CHECK(single.size() == 160);
  CHECK(answers(dir.file("all.db")) == single);
  CHECK(row_count(dir.file("all.db")) == 160);
}
