// doctest's main, plus: when every check passed but a test was skipped (ds::test::skip), the
// exit code is kSkipReturnCode so that ctest reports the test as skipped, not passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

#include "tests/support/skip.hpp"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int code = context.run();
  if (context.shouldExit() || code != 0) return code;
  const std::string skipped = ds::test::skip_reasons();
  if (skipped.empty()) return 0;
  std::cerr << "\nNot everything ran (ctest shows this as skipped):\n" << skipped;
  return ds::test::kSkipReturnCode;
}
