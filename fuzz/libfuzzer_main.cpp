// libFuzzer entry point for one target of tests/support/fuzz_targets.hpp, chosen at build
// time (DS_FUZZ_TARGET). Built only with Clang: see CMakeLists.txt and docs/engine.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/support/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto& target = ds::test::fuzz_target(DS_FUZZ_TARGET);
  target.run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
