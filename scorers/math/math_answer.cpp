#include "scorers/math/math_answer.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

#include "core/text.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// The content of the brace group starting at s[open] == '{', or nullopt if unbalanced.
std::optional<std::string> brace_group(const std::string& s, size_t open, size_t* end) {
  if (open >= s.size() || s[open] != '{') return std::nullopt;
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) {
      *end = i + 1;
      return s.substr(open + 1, i - open - 1);
    }
  }
  return std::nullopt;
}

// \frac{a}{b} → (a/b), also the shorthand \frac34.
std::string expand_fracs(std::string s) {
  replace_all(s, "\\dfrac", "\\frac");
  replace_all(s, "\\tfrac", "\\frac");
  for (size_t pos; (pos = s.find("\\frac")) != std::string::npos;) {
    size_t i = pos + 5;
    while (i < s.size() && s[i] == ' ') ++i;
    std::string a, b;
    size_t end = i;
    if (auto g = brace_group(s, i, &end)) {
      a = *g;
      i = end;
    } else if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      a = s.substr(i, 1);
      i += 1;
    }
    while (i < s.size() && s[i] == ' ') ++i;
    if (auto g = brace_group(s, i, &end)) {
      b = *g;
      i = end;
    } else if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      b = s.substr(i, 1);
      i += 1;
    }
    s.replace(pos, i - pos, a.empty() || b.empty() ? " " : " " + a + "/" + b + " ");
  }
  return s;
}

std::string clean(std::string s) {
  replace_all(s, "\xE2\x88\x92", "-");  // unicode minus
  replace_all(s, "\xE2\x80\x93", "-");  // en dash used as minus
  replace_all(s, "{,}", "");
  replace_all(s, "\\!", "");
  replace_all(s, "\\,", "");
  replace_all(s, "\\;", "");
  replace_all(s, "\\left", "");
  replace_all(s, "\\right", "");
  replace_all(s, "\\displaystyle", "");
  replace_all(s, "\\%", "%");
  replace_all(s, "\\$", " ");
  replace_all(s, "$", " ");
  replace_all(s, "**", " ");
  for (const char* cmd : {"\\text", "\\mathrm", "\\textbf", "\\mathbf", "\\boxed"})
    replace_all(s, cmd, "");
  s = expand_fracs(s);
  replace_all(s, "{", " ");
  replace_all(s, "}", " ");
  return s;
}

// A number: optional minus, digits with optional 3-digit comma groups, optional decimals,
// optionally "/ denominator".
const std::regex& number_pattern() {
  static const std::regex re(
      R"((-\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s*/\s*(-?\s*(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)))?)");
  return re;
}

std::optional<Rational> to_rational(const std::smatch& m) {
  std::string text = m[1].str() + m[2].str();
  if (m[3].matched) text += "/" + m[3].str();
  text.erase(std::remove_if(text.begin(), text.end(),
                            [](char c) { return c == ',' || c == ' '; }),
             text.end());
  return parse_rational(text);
}

std::vector<std::smatch> all_numbers(const std::string& s) {
  std::vector<std::smatch> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), number_pattern());
       it != std::sregex_iterator(); ++it)
    out.push_back(*it);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::optional<std::string> last_boxed(const std::string& text) {
  for (const char* cmd : {"\\boxed", "\\fbox"}) {
    const auto pos = text.rfind(cmd);
    if (pos == std::string::npos) continue;
    size_t i = pos + std::string(cmd).size();
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = i;
    if (auto g = brace_group(text, i, &end)) return g;
  }
  return std::nullopt;
}

std::optional<std::string> last_answer_phrase(const std::string& text) {
  static const std::regex re(R"(answer(?:\s*\*\*)?\s*(?:is\s*:?|:|=|-)\s*(?:\*\*)?)",
                             std::regex::icase);
  const auto lines = lines_of(text);
  for (size_t li = lines.size(); li-- > 0;) {
    std::smatch last;
    bool found = false;
    for (auto it = std::sregex_iterator(lines[li].begin(), lines[li].end(), re);
         it != std::sregex_iterator(); ++it) {
      last = *it;
      found = true;
    }
    if (!found) continue;
    std::string rest = trim(last.suffix().str());
    // "Answer:" alone on a line: the answer is on the next non-empty line.
    for (size_t next = li + 1; rest.empty() && next < lines.size(); ++next)
      rest = trim(lines[next]);
    return rest;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Rational> read_math_number(const std::string& fragment) {
  std::string s = clean(fragment);
  if (const auto eq = s.rfind('='); eq != std::string::npos) s = s.substr(eq + 1);
  const auto numbers = all_numbers(s);
  if (numbers.empty()) return std::nullopt;
  return to_rational(numbers.front());
}

MathAnswer extract_math_answer(const std::string& response) {
  if (auto boxed = last_boxed(response)) {
    if (auto v = read_math_number(*boxed)) return {"boxed", *boxed, v};
  }
  if (auto phrase = last_answer_phrase(response)) {
    if (auto v = read_math_number(*phrase)) return {"answer_line", *phrase, v};
  }
  const auto lines = lines_of(response);
  for (size_t li = lines.size(); li-- > 0;) {
    const std::string line = trim(lines[li]);
    if (line.empty()) continue;
    const std::string cleaned = clean(line);
    if (const auto eq = cleaned.rfind('='); eq != std::string::npos) {
      if (auto v = read_math_number(cleaned.substr(eq + 1))) return {"equals_at_end", line, v};
    }
    break;
  }
  const std::string cleaned = clean(response);
  const auto numbers = all_numbers(cleaned);
  if (!numbers.empty()) {
    if (auto v = to_rational(numbers.back())) return {"last_number", numbers.back().str(), v};
  }
  return {"none", "", std::nullopt};
}

}  // namespace ds::scorers
