#pragma once
// UTF-8 at the edges: text from outside (model answers, file and model names, imports) may be
// invalid, and a cut at a byte count may split a character. Both must never make a JSON dump,
// a report or a store write fail.
#include <cstddef>
#include <string>
#include <string_view>

namespace ds::core {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool utf8_valid(std::string_view text);

// `text` with every ill-formed sequence replaced by U+FFFD (one per maximal ill-formed
// subpart, as Unicode recommends). Valid text is returned unchanged.
std::string utf8_sanitize(std::string_view text);

// The longest prefix of at most `max_bytes` bytes that does not end inside a character.
std::string utf8_prefix(std::string_view text, size_t max_bytes);

// A short, printable excerpt for an error message: at most `max_bytes` bytes of valid UTF-8,
// control characters shown as '?', "..." appended when cut.
std::string excerpt_for_message(std::string_view text, size_t max_bytes = 40);

}  // namespace ds::core
