#pragma once
// Text helpers every layer uses on plain ASCII case and white space (UTF-8 bytes pass through).
#include <string>
#include <string_view>

namespace ds::core {

// ASCII letters lower-cased; other bytes unchanged.
std::string lower(std::string_view s);

// Without leading and trailing characters from `chars` (white space by default).
std::string trim(std::string_view s, std::string_view chars = " \t\r\n\f\v");

// Runs of white space collapsed to one space, ends trimmed (transcript and prompt matching).
std::string normalise_whitespace(std::string_view s);

}  // namespace ds::core
