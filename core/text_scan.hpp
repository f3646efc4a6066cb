#pragma once
// Building blocks of the linear scanners that read model text (answers can be megabytes of
// digits or spaces; std::regex recurses per character and overflows the stack on them).
// ASCII only, like the "C" locale classes std::regex used.
#include <cstddef>
#include <string>
#include <string_view>

namespace ds::core::scan {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_word(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }  // regex \w
inline bool is_space(char c) {  // regex \s
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// First position at or after `pos` whose character fails `keep` (or text.size()).
template <typename Pred>
size_t skip(std::string_view text, size_t pos, Pred keep) {
  while (pos < text.size() && keep(text[pos])) ++pos;
  return pos;
}
inline size_t skip_spaces(std::string_view text, size_t pos) { return skip(text, pos, is_space); }
inline size_t skip_digits(std::string_view text, size_t pos) { return skip(text, pos, is_digit); }

// Whether text[pos...] starts with `word` ignoring ASCII case (`word` is lowercase).
inline bool starts_with_icase(std::string_view text, size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(text[pos + i]) != word[i]) return false;
  return true;
}

// The first position at or after `pos` where `word` (lowercase) starts, ignoring ASCII case.
inline size_t lower_find(std::string_view text, std::string_view word, size_t pos) {
  for (; pos < text.size(); ++pos)
    if (starts_with_icase(text, pos, word)) return pos;
  return std::string_view::npos;
}

// `text` with every occurrence of `from` (non-empty) replaced by `to`, in one pass.
inline std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t at = text.find(from); at != std::string_view::npos; at = text.find(from, start)) {
    out.append(text.substr(start, at - start)).append(to);
    start = at + from.size();
  }
  out.append(text.substr(start));
  return out;
}

}  // namespace ds::core::scan
