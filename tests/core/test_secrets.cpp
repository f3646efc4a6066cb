#include <doctest/doctest.h>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/secrets.hpp"

using namespace ds::core;

TEST_CASE("any 8+ character piece of the key is redacted") {
  const std::string key = "sk-ant-api03-Zx81kQv0PaRt7mN2";
  std::string echoed = "invalid x-api-key: api03-Zx81kQv0PaRt7mN2 (sent without its prefix)";
  redact_secret(echoed, key);
  CHECK(echoed == "invalid x-api-key: [redacted] (sent without its prefix)");
  std::string whole = "Bearer " + key + " and again " + key;
  redact_secret(whole, key);
  CHECK(whole == "Bearer [redacted] and again [redacted]");
  std::string middle = "...kQv0PaRt...";  // 8 characters from the middle
  redact_secret(middle, key);
  CHECK(middle == "...[redacted]...");
  std::string short_piece = "Zx81kQv";  // 7 characters: not a key piece by itself
  redact_secret(short_piece, key);
  CHECK(short_piece == "Zx81kQv");
  std::string clean = "nothing secret here";
  redact_secret(clean, key);
  CHECK(clean == "nothing secret here");
}

TEST_CASE("short keys are redacted where whole, without looping on the replacement") {
  std::string text = "key acte in acte text";  // "[redacted]" itself contains "acte"
  redact_secret(text, "acte");
  CHECK(text == "key [redacted] in [redacted] text");
}

TEST_CASE("a process holding keys writes no core dump") {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    keep_secrets_out_of_core_dumps();
    rlimit r{};
    getrlimit(RLIMIT_CORE, &r);
    _exit(r.rlim_cur == 0 && prctl(PR_GET_DUMPABLE) == 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
