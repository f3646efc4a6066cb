#pragma once
// A test that cannot run says so: ctest shows the test file as skipped (SKIP_RETURN_CODE,
// CMakeLists.txt) with the reason in its output, instead of counting it as passed.
#include <string>

namespace ds::test {

// The exit code tests/main.cpp returns when every check passed but something was skipped.
inline constexpr int kSkipReturnCode = 77;

// Records that the calling test did not run (or not all of it), and why; prints the reason.
// The caller returns right after.
void skip(const std::string& reason);

// The reasons recorded so far, one a line ("" when nothing was skipped).
std::string skip_reasons();

}  // namespace ds::test
