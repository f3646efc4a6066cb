#pragma once
// One fuzz target per parser of outside input. Each runs the parser on arbitrary bytes and
// throws FuzzFailure when an invariant breaks; the only other exceptions it lets through are
// bugs too. Run by a bounded mutation loop in ctest (tests/fuzz/) and, built with Clang, by
// libFuzzer (fuzz/libfuzzer_main.cpp).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ds::test {

struct FuzzFailure : std::logic_error {
  using std::logic_error::logic_error;
};

struct FuzzTarget {
  std::string name;
  void (*run)(std::string_view input);
  std::vector<std::string> seeds;  // well-formed inputs the mutations start from
};

const std::vector<FuzzTarget>& fuzz_targets();
const FuzzTarget& fuzz_target(std::string_view name);

// Runs `target` on `cases` inputs made by mutating its seeds with a generator seeded by
// `seed`: the same cases on every machine. Returns the number of inputs run.
size_t run_mutations(const FuzzTarget& target, uint64_t seed, size_t cases);

}  // namespace ds::test
