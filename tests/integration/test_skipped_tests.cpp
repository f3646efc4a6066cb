// A test that cannot run is reported skipped to ctest, never passed: the JUnit schema test,
// run with xmllint hidden (a private mount namespace binds /dev/null over it), exits with
// the skip code and says why.
#include <doctest/doctest.h>

#include <unistd.h>

#include <climits>
#include <string>

#include "tests/support/process.hpp"
#include "tests/support/skip.hpp"

namespace test = ds::test;

TEST_CASE("a test whose tool is missing exits with the skip code and the reason") {
  char self[PATH_MAX] = {};
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  REQUIRE(n > 0);
  if (access("/usr/bin/xmllint", X_OK) != 0 ||
      test::run_program({"/usr/bin/env", "unshare", "-rm", "true"}).exit_code != 0) {
    test::skip("needs xmllint and `unshare -rm` (a private mount namespace) to hide it");
    return;
  }
  const auto r = test::run_program(
      {"/usr/bin/env", "unshare", "-rm", "/bin/sh", "-c",
       "mount --bind /dev/null /usr/bin/xmllint && exec \"$0\" --no-intro --source-file='*/test_format_junit.cpp'",
       std::string(self)});
  CHECK(r.exit_code == test::kSkipReturnCode);
  CHECK(r.err.find("SKIPPED: xmllint is not installed") != std::string::npos);
  CHECK(r.out.find("Status: SUCCESS") != std::string::npos);  // the checks that could run, passed
}
