#pragma once
// A test that cannot run (its data is absent) says so: the test binary then exits with
// kSkipReturnCode, which ctest reports as skipped (SKIP_RETURN_CODE), never as passed.
#include <string>

namespace ds::test {

inline constexpr int kSkipReturnCode = 77;

// Marks the current run skipped (unless something failed) and prints why.
void skip_test(const std::string& why);

// Whether skip_test was called in this run.
bool test_skipped();

}  // namespace ds::test
