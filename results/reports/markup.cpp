#include "results/reports/markup.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace ds::results {

namespace {

// Stored text from outside, character by character: valid UTF-8 first (it may be invalid), then
// `special` writes the characters its context escapes and returns true; control characters
// other than tab and line breaks become U+FFFD (XML 1.0 forbids them even escaped).
template <class Special>
std::string escaped(std::string_view raw, Special special) {
  const std::string text = utf8_sanitize(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (special(c, out)) continue;
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
    else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view raw) {
  return escaped(raw, [](unsigned char c, std::string& out) {
    switch (c) {
      case '&': out += "&amp;"; return true;
      case '<': out += "&lt;"; return true;
      case '>': out += "&gt;"; return true;
      case '"': out += "&quot;"; return true;
      case '\'': out += "&apos;"; return true;
      default: return false;
    }
  });
}

std::string markdown_text(std::string_view raw) {
  return escaped(raw, [](unsigned char c, std::string& out) {
    switch (c) {
      case '&': out += "&amp;"; return true;
      case '<': out += "&lt;"; return true;
      case '>': out += "&gt;"; return true;
      case '\\': case '`': case '|':
        out += '\\';
        out += static_cast<char>(c);
        return true;
      case '(':  // "](" would make a link or an image of what came before
        out += out.empty() || out.back() != ']' ? "(" : "\\(";
        return true;
      case '\n': case '\r': out += ' '; return true;
      default: return false;
    }
  });
}

std::string marked_html(std::string_view text, const std::vector<Span>& marks) {
  std::string out;
  size_t at = 0;
  for (const auto& m : marks) {
    if (m.begin < at || m.end > text.size() || m.begin >= m.end) continue;
    out += xml_escape(text.substr(at, m.begin - at));
    out += "<mark>" + xml_escape(text.substr(m.begin, m.end - m.begin)) + "</mark>";
    at = m.end;
  }
  return out + xml_escape(text.substr(std::min(at, text.size())));
}

namespace {
// The nearest UTF-8 character start at or before `at`.
size_t char_start(const std::string& text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return std::min(at, text.size());
}
}  // namespace

std::string excerpt_around(const std::string& text, std::vector<Span>& marks, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const size_t lead = max_bytes / 5;  // context shown before the first mark
  size_t begin = marks.empty() || marks.front().begin < lead ? 0 : marks.front().begin - lead;
  begin = char_start(text, std::min(begin, text.size() - max_bytes));
  const size_t end = char_start(text, begin + max_bytes);
  const std::string prefix = begin > 0 ? "… " : "";
  std::vector<Span> kept;
  for (const auto& m : marks) {
    if (m.end <= begin || m.begin >= end) continue;
    const auto shift = [&](uint32_t x) {
      return static_cast<uint32_t>(std::clamp<size_t>(x, begin, end) - begin + prefix.size());
    };
    kept.push_back({shift(m.begin), shift(m.end)});
  }
  marks = kept;
  return prefix + text.substr(begin, end - begin) + (end < text.size() ? " …" : "");
}

}  // namespace ds::results
