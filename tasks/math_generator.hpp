#pragma once
// Fresh math items on demand: the same templates with new numbers per seed, answers computed
// exactly in C++ (Rational), so a release can be tested on items that were never published.
#include <cstdint>
#include <cstddef>

#include "tasks/suite.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

inline constexpr const char* kGeneratedMathSuite = "math-generated";
inline constexpr const char* kGeneratedMathVersion = "1.0.0";

// `count` items, deterministic per (seed, count): the first k items of a larger count are the
// same as those of count k. Item ids are "math-gen-SEED-NNNN"; items carry suite
// "math-generated" and the math fields (`answer`, `topic`, `template`), scored like `math`.
// The suite's sha256 is over its JSONL serialisation, so a run records exactly what was sent.
Suite generate_math_suite(uint64_t seed, size_t count);

}  // namespace ds::tasks
