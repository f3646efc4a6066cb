#pragma once
// Byte classification of the C locale (the program never changes locale), inline for the
// per-byte loops of tokenisers: the <cctype> calls cost a function call per byte.
namespace ds::core {

// std::isspace: space, \t, \n, \v, \f, \r.
constexpr bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// std::isalnum: ASCII letters and digits.
constexpr bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// std::tolower: ASCII letters lower-cased, every other byte unchanged.
constexpr unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace ds::core
