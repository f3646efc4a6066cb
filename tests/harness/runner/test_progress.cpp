#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "harness/runner/progress.hpp"

using namespace ds::harness;

TEST_CASE("progress line: counts, network rate and ETA") {
  ProgressSnapshot s{.total = 1000, .done = 400, .failed = 100, .from_cache = 100, .retries = 7,
                     .in_flight = 64, .elapsed_seconds = 10};
  // 400 sent and finished in 10 s: 40 req/s; 500 left: 12.5 s.
  CHECK(format_progress(s) ==
        "500/1000 done, 100 failed, 100 cached, 40.0 req/s, ETA 0:13, 7 retries, 64 in flight");
  s.done = 900;
  CHECK(format_progress(s).find("ETA 0:00") != std::string::npos);
  ProgressSnapshot start{.total = 10};
  CHECK(format_progress(start).find("ETA ?") != std::string::npos);
}

TEST_CASE("plain progress lines (not a terminal) come every few seconds, and can be off") {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  ProgressDisplay display(true, out);
  ProgressSnapshot s{.total = 10};
  for (double t = 0; t < 12; t += 0.1) {
    s.elapsed_seconds = t;
    display.update(s);
  }
  display.finish(s);
  std::fflush(out);
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;) text += static_cast<char>(c);
  std::fclose(out);
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  CHECK(lines == 3);  // at 5 s, 10 s, and the final line
  CHECK(text.find('\r') == std::string::npos);

  std::FILE* silent = std::tmpfile();
  ProgressDisplay off(false, silent);
  off.update(s);
  off.finish(s);
  CHECK(std::ftell(silent) == 0);
  std::fclose(silent);
}
