#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "tests/support/skip.hpp"

// doctest's own main, except that a run in which a test called skip_test and nothing failed
// exits with the skip code (ctest: skipped).
int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;
  if (result == 0 && ds::test::test_skipped()) return ds::test::kSkipReturnCode;
  return result;
}
