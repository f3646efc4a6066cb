#include "core/utf8.hpp"

namespace ds::core {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Sequence {
  size_t length;  // bytes consumed: the character, or the maximal ill-formed subpart
  bool valid;
};

// The UTF-8 sequence starting at text[i] (Unicode Table 3-7, well-formed byte sequences).
Sequence sequence_at(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, true};
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // at most U+10FFFF
  } else {
    return {1, false};
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= text.size()) return {k, false};
    const unsigned char b = byte(i + k);
    const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) return {k, false};
  }
  return {need + 1, true};
}

}  // namespace

bool utf8_valid(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const Sequence s = sequence_at(text, i);
    if (!s.valid) return false;
    i += s.length;
  }
  return true;
}

std::string utf8_sanitize(std::string_view text) {
  if (utf8_valid(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const Sequence s = sequence_at(text, i);
    if (s.valid) out.append(text.substr(i, s.length));
    else out.append(kReplacement);
    i += s.length;
  }
  return out;
}

std::string utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Back up over continuation bytes to the start of the character that straddles the cut.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut));
}

std::string excerpt_for_message(std::string_view text, size_t max_bytes) {
  const std::string clean = utf8_sanitize(utf8_prefix(text, max_bytes));
  std::string out;
  out.reserve(clean.size());
  for (const char c : clean) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  if (text.size() > max_bytes) out += "...";
  return out;
}

}  // namespace ds::core
