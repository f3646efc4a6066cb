#include "scorers/math/math_answer.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "core/text_scan.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

using scan::is_digit;

// For every '{', the index of its matching '}' (npos when unbalanced): one pass with a stack,
// so brace groups cost nothing to find however many there are.
std::vector<size_t> matching_braces(std::string_view s) {
  std::vector<size_t> match(s.size(), std::string::npos);
  std::vector<size_t> open;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') {
      open.push_back(i);
    } else if (s[i] == '}' && !open.empty()) {
      match[open.back()] = i;
      open.pop_back();
    }
  }
  return match;
}

// The content of the brace group starting at s[open] == '{', or nullopt if unbalanced.
std::optional<std::string> brace_group(const std::string& s, size_t open) {
  if (open >= s.size() || s[open] != '{') return std::nullopt;
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return s.substr(open + 1, i - open - 1);
  }
  return std::nullopt;
}

// One argument of \frac: a brace group [open, close] or a single digit at `open`.
struct FracArg {
  bool present = false;
  bool braced = false;
  size_t open = 0, close = 0;  // braced: the braces; digit: open == close == the digit
  bool empty() const { return !present || (braced && close == open + 1); }
  size_t end() const { return close + 1; }
};

FracArg frac_arg(const std::string& s, const std::vector<size_t>& match, size_t i) {
  if (i < s.size() && s[i] == '{' && match[i] != std::string::npos) return {true, true, i, match[i]};
  if (i < s.size() && is_digit(s[i])) return {true, false, i, i};
  return {};
}

size_t skip_blanks(const std::string& s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// \frac{a}{b} → " a/b " (also the shorthand \frac34), nested fractions included, in one
// left-to-right pass: a closing brace of an argument is rewritten when the scan reaches it.
// An argument that is missing or empty drops the whole fraction, as a reader would.
std::string expand_fracs(const std::string& input) {
  const std::string s = scan::replace_all(scan::replace_all(input, "\\dfrac", "\\frac"), "\\tfrac", "\\frac");
  const std::vector<size_t> match = matching_braces(s);
  // What to write at a closing brace of a first or second argument, and where to go next.
  struct Rewrite {
    std::string text;
    size_t next;
  };
  std::vector<std::pair<size_t, Rewrite>> pending;  // by closing-brace position, innermost last
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (!pending.empty() && pending.back().first == i) {
      const Rewrite r = std::move(pending.back().second);
      pending.pop_back();
      out += r.text;
      i = r.next;
      continue;
    }
    if (s.compare(i, 5, "\\frac") != 0) {
      out += s[i++];
      continue;
    }
    const FracArg a = frac_arg(s, match, skip_blanks(s, i + 5));
    size_t after_a = a.present ? a.end() : skip_blanks(s, i + 5);
    const FracArg b = frac_arg(s, match, skip_blanks(s, after_a));
    if (a.empty() || b.empty()) {
      out += ' ';
      i = b.present ? b.end() : skip_blanks(s, after_a);
      continue;
    }
    out += ' ';
    // The second argument's closer (or its digit) ends the fraction with a space.
    const std::string b_text = b.braced ? "" : std::string(1, s[b.open]) + " ";
    const size_t b_start = b.braced ? b.open + 1 : b.end();
    if (b.braced) pending.push_back({b.close, {" ", b.close + 1}});
    if (a.braced) {
      pending.push_back({a.close, {"/" + b_text, b_start}});
      i = a.open + 1;
    } else {
      out += std::string(1, s[a.open]) + "/" + b_text;
      i = b_start;
    }
  }
  return out;
}

std::string clean(std::string s) {
  static const std::pair<const char*, const char*> kReplacements[] = {
      {"\xE2\x88\x92", "-"},  // unicode minus
      {"\xE2\x80\x93", "-"},  // en dash used as minus
      {"{,}", ""},   {"\\!", ""},   {"\\,", ""},   {"\\;", ""},           {"\\left", ""},
      {"\\right", ""}, {"\\displaystyle", ""}, {"\\%", "%"}, {"\\$", " "}, {"$", " "},
      {"**", " "},   {"\\text", ""}, {"\\mathrm", ""}, {"\\textbf", ""}, {"\\mathbf", ""},
      {"\\boxed", ""}};
  for (const auto& [from, to] : kReplacements) s = scan::replace_all(s, from, to);
  s = expand_fracs(s);
  s = scan::replace_all(s, "{", " ");
  return scan::replace_all(s, "}", " ");
}

// One number as the extraction reads it: optional minus, digits with optional 3-digit comma
// groups, optional decimals, optionally "/ denominator". The grammar of the regular expression
// (-\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s*/\s*(-?\s*(?:...)))?
// read by a scanner in linear time.
struct NumberMatch {
  size_t begin = 0, end = 0;
  std::string minus, body, denominator;
};

constexpr size_t kNone = std::string::npos;

size_t optional_decimals(std::string_view s, size_t i) {
  if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) return scan::skip_digits(s, i + 1);
  return i;
}

// The end of a number body starting at `pos`, or kNone.
size_t number_body(std::string_view s, size_t pos, bool allow_leading_point) {
  if (pos >= s.size()) return kNone;
  if (is_digit(s[pos])) {
    const size_t run_end = scan::skip_digits(s, pos);
    if (run_end - pos <= 3) {  // "1,234,567.5": groups of exactly three after a short lead
      size_t e = run_end;
      while (e + 3 < s.size() && s[e] == ',' && is_digit(s[e + 1]) && is_digit(s[e + 2]) && is_digit(s[e + 3]))
        e += 4;
      if (e != run_end) return optional_decimals(s, e);
    }
    return optional_decimals(s, run_end);
  }
  if (allow_leading_point && s[pos] == '.' && pos + 1 < s.size() && is_digit(s[pos + 1]))
    return scan::skip_digits(s, pos + 1);
  return kNone;
}

// The number starting exactly at `p`, if any.
std::optional<NumberMatch> number_at(std::string_view s, size_t p) {
  NumberMatch m;
  m.begin = p;
  size_t body_start = p;
  if (s[p] == '-') body_start = scan::skip_spaces(s, p + 1);
  const size_t body_end = number_body(s, body_start, true);
  if (body_end == kNone) return std::nullopt;
  m.minus = std::string(s.substr(p, body_start - p));
  m.body = std::string(s.substr(body_start, body_end - body_start));
  m.end = body_end;
  const size_t slash = scan::skip_spaces(s, body_end);
  if (slash < s.size() && s[slash] == '/') {
    const size_t den_start = scan::skip_spaces(s, slash + 1);
    size_t digits = den_start;
    if (digits < s.size() && s[digits] == '-') digits = scan::skip_spaces(s, digits + 1);
    const size_t den_end = number_body(s, digits, false);
    if (den_end != kNone) {
      m.denominator = std::string(s.substr(den_start, den_end - den_start));
      m.end = den_end;
    }
  }
  return m;
}

std::vector<NumberMatch> all_numbers(std::string_view s) {
  std::vector<NumberMatch> out;
  for (size_t p = 0; p < s.size();) {
    const char c = s[p];
    if (c == '-' || c == '.' || is_digit(c)) {
      if (auto m = number_at(s, p)) {
        p = m->end;
        out.push_back(std::move(*m));
        continue;
      }
    }
    ++p;
  }
  return out;
}

std::optional<Rational> to_rational(const NumberMatch& m) {
  std::string text = m.minus + m.body;
  if (!m.denominator.empty()) text += "/" + m.denominator;
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ',' || c == ' '; }),
             text.end());
  return parse_rational(text);
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
    if (auto g = brace_group(text, skip_blanks(text, pos + std::string(cmd).size()))) return g;
  }
  return std::nullopt;
}

// The end of an answer phrase starting at `p`, or kNone. The grammar of
// answer(?:\s*\*\*)?\s*(?:is\s*:?|:|=|-)\s*(?:\*\*)? (case-insensitive).
size_t answer_phrase_at(std::string_view s, size_t p) {
  if (!scan::starts_with_icase(s, p, "answer")) return kNone;
  size_t i = p + 6;
  if (const size_t stars = scan::skip_spaces(s, i); s.compare(stars, 2, "**") == 0) i = stars + 2;
  i = scan::skip_spaces(s, i);
  if (scan::starts_with_icase(s, i, "is")) {
    i = scan::skip_spaces(s, i + 2);
    if (i < s.size() && s[i] == ':') ++i;
  } else if (i < s.size() && (s[i] == ':' || s[i] == '=' || s[i] == '-')) {
    ++i;
  } else {
    return kNone;
  }
  i = scan::skip_spaces(s, i);
  if (s.compare(i, 2, "**") == 0) i += 2;
  return i;
}

std::optional<std::string> last_answer_phrase(const std::string& text) {
  const auto lines = lines_of(text);
  for (size_t li = lines.size(); li-- > 0;) {
    const std::string& line = lines[li];
    size_t last_end = kNone;
    for (size_t p = scan::lower_find(line, "answer", 0); p != kNone; p = scan::lower_find(line, "answer", p)) {
      const size_t end = answer_phrase_at(line, p);
      if (end == kNone) {
        ++p;
        continue;
      }
      last_end = end;
      p = end;
    }
    if (last_end == kNone) continue;
    std::string rest = trim(line.substr(last_end));
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
    const NumberMatch& last = numbers.back();
    if (auto v = to_rational(last)) return {"last_number", cleaned.substr(last.begin, last.end - last.begin), v};
  }
  return {"none", "", std::nullopt};
}

}  // namespace ds::scorers
