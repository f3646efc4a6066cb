#include "scorers/creativity/text.hpp"

#include <cctype>
#include <sstream>

#include "core/text.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

bool word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// `text` without markdown's "**", in one pass (erasing each occurrence in place was
// quadratic: a megabyte of '*' took seconds). Removing the leftmost pair never joins a '*'
// before it to one after it, so one left-to-right scan removes what repeated erasing did.
std::string without_bold_markers(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') ++i;
    else out += text[i];
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Removes "1.", "12)", "-", "*", "•" list markers; sets `marked` when one was present.
std::string strip_marker(const std::string& line, bool* marked) {
  std::string s = trim(line);
  *marked = false;
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')' || s[i] == ':')) {
    *marked = true;
    return trim(s.substr(i + 1));
  }
  if (s.rfind("\xE2\x80\xA2", 0) == 0) {  // •
    *marked = true;
    return trim(s.substr(3));
  }
  if (!s.empty() && (s[0] == '-' || s[0] == '*') && s.size() > 1 && s[1] == ' ') {
    *marked = true;
    return trim(s.substr(2));
  }
  return s;
}

std::vector<std::string> split_on(const std::string& s, const std::string& separators) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (separators.find(c) != std::string::npos) {
      if (!trim(cur).empty()) parts.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty()) parts.push_back(trim(cur));
  return parts;
}

}  // namespace

std::vector<std::string> word_tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.back() == '\'' || cur.back() == '-')) cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (word_char(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else if ((c == '\'' || c == '-') && !cur.empty() && i + 1 < text.size() &&
               word_char(static_cast<unsigned char>(text[i + 1]))) {
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> out;
  for (auto line : split_lines(text)) {
    line = trim(line);
    if (line.empty() || line.rfind("```", 0) == 0) continue;
    out.push_back(line);
  }
  if (out.size() > 1 && out.front().back() == ':') out.erase(out.begin());
  return out;
}

std::vector<std::string> list_entries(const std::string& text) {
  const auto lines = content_lines(without_bold_markers(text));
  std::vector<std::string> marked_entries, plain;
  for (const auto& line : lines) {
    bool marked = false;
    const std::string entry = strip_marker(line, &marked);
    if (entry.empty()) continue;
    (marked ? marked_entries : plain).push_back(entry);
  }
  if (!marked_entries.empty()) return marked_entries;
  if (plain.size() == 1) return split_on(plain.front(), ",;");
  return plain;
}

}  // namespace ds::scorers
