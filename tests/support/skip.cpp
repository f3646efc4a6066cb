#include "tests/support/skip.hpp"

#include <iostream>

namespace ds::test {

namespace {
bool g_skipped = false;
}

void skip_test(const std::string& why) {
  g_skipped = true;
  std::cerr << "SKIPPED: " << why << "\n";
}

bool test_skipped() { return g_skipped; }

}  // namespace ds::test
