#pragma once
// Text helpers every layer uses on plain ASCII case and white space (UTF-8 bytes pass through).
#include <string>
#include <string_view>
#include <vector>

namespace ds::core {

// ASCII letters lower-cased; other bytes unchanged.
std::string lower(std::string_view s);

// Without leading and trailing characters from `chars` (white space by default).
std::string trim(std::string_view s, std::string_view chars = " \t\r\n\f\v");

// Runs of white space collapsed to one space, ends trimmed (transcript and prompt matching).
std::string normalise_whitespace(std::string_view s);

// The name in `names` closest to `given` by edit distance (case-insensitive), when it is
// close enough to be a typo (at most 2 edits, and fewer than half of `given`); "" otherwise.
// For "did you mean 'math'?" after an unknown name.
std::string closest_name(std::string_view given, const std::vector<std::string>& names);

}  // namespace ds::core
