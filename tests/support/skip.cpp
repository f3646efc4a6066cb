#include "tests/support/skip.hpp"

#include <iostream>

namespace ds::test {

namespace {
std::string& reasons() {
  static std::string text;
  return text;
}
}  // namespace

void skip(const std::string& reason) {
  reasons() += "SKIPPED: " + reason + "\n";
  std::cerr << "SKIPPED: " << reason << "\n";
}

std::string skip_reasons() { return reasons(); }

}  // namespace ds::test
