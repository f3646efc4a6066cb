#include "results/reports/markup.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace ds::results {

std::string xml_escape(std::string_view raw) {
  // Stored text from outside may be invalid UTF-8: the XML must stay well-formed.
  const std::string text = utf8_sanitize(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string markdown_text(std::string_view raw) {
  const std::string text = utf8_sanitize(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': case '`': case '|':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '(':  // "](" would make a link or an image of what came before
        out += out.empty() || out.back() != ']' ? "(" : "\\(";
        break;
      case '\n': case '\r': out += ' '; break;
      default:
        if (c < 0x20 && c != '\t') out += "\xEF\xBF\xBD";
        else out += static_cast<char>(c);
    }
  }
  return out;
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
