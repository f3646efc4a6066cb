#include "scorers/probes/probe_fingerprint.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_scan.hpp"
#include "core/utf8.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

constexpr size_t kNone = std::string::npos;

std::string lower(std::string_view text) {
  std::string s = scan::replace_all(text, "\xE2\x80\x99", "'");
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The first non-empty line, lowercased, without markdown and end punctuation, ≤ 80 chars.
std::string first_line_key(const std::string& text) {
  std::string line;
  for (size_t start = 0; start < text.size();) {
    const size_t nl = text.find('\n', start);
    line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  std::string out;
  for (unsigned char c : lower(line))
    if (c != '*' && c != '_' && c != '"' && c != '`') out += static_cast<char>(c);
  while (!out.empty() && std::string(" .!\t\r").find(out.back()) != std::string::npos)
    out.pop_back();
  const auto b = out.find_first_not_of(" \t");
  out = b == std::string::npos ? "" : out.substr(b);
  return utf8_prefix(out, 80);
}

// The first "(month)? year" with a year 19xx or 20xx, with the whitespace before the year:
// the grammar of (january|...|december)?\s*(19|20)\d\d (case-insensitive), scanned once.
std::string first_date(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                                 "may",     "june",     "july",      "august",
                                                 "september", "october", "november", "december"};
  for (size_t y = 0; y + 4 <= text.size(); ++y) {
    const bool century = (text[y] == '1' && text[y + 1] == '9') || (text[y] == '2' && text[y + 1] == '0');
    if (!century || !scan::is_digit(text[y + 2]) || !scan::is_digit(text[y + 3])) continue;
    size_t start = y;
    while (start > 0 && scan::is_space(text[start - 1])) --start;
    for (const auto month : kMonths)
      if (start >= month.size() && scan::starts_with_icase(text, start - month.size(), month)) {
        start -= month.size();
        break;
      }
    return std::string(text.substr(start, y + 4 - start));
  }
  return "";
}

// The first integer with its minus sign: the grammar of -?\d+.
std::string first_integer(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!scan::is_digit(text[i])) continue;
    const size_t start = i > 0 && text[i - 1] == '-' ? i - 1 : i;
    return std::string(text.substr(start, scan::skip_digits(text, i) - start));
  }
  return "";
}

// "created by X" with X the shortest run of word characters, '-' and spaces (at most 41) that
// is followed by . , ; ! newline or the end: the grammar of
// (?:created|made|developed|built|trained)\s+by\s+([A-Za-z0-9][\w\- ]{0,40}?)(?=[.,;!\n]|$)
std::optional<std::string> maker_claim(std::string_view text) {
  static constexpr std::string_view kVerbs[] = {"created", "made", "developed", "built", "trained"};
  const auto stop = [&](size_t i) {
    return i == text.size() || std::string_view(".,;!\n").find(text[i]) != std::string_view::npos;
  };
  for (size_t p = 0; p < text.size(); ++p) {
    size_t i = kNone;
    for (const auto verb : kVerbs)
      if (scan::starts_with_icase(text, p, verb)) i = p + verb.size();
    if (i == kNone) continue;
    const size_t by = scan::skip_spaces(text, i);
    if (by == i || !scan::starts_with_icase(text, by, "by")) continue;
    const size_t name = scan::skip_spaces(text, by + 2);
    if (name == by + 2 || name >= text.size() || !(scan::is_alpha(text[name]) || scan::is_digit(text[name])))
      continue;
    for (size_t end = name + 1; end <= std::min(text.size(), name + 41); ++end) {
      if (stop(end)) return std::string(text.substr(name, end - name));
      const char c = text[end];
      if (!(scan::is_word(c) || c == '-' || c == ' ')) break;
    }
  }
  return std::nullopt;
}

// Refusals open with an apology or a "can't": the first word characters of the reply.
bool opens_with_refusal(std::string_view lowered) {
  static constexpr std::string_view kOpeners[] = {
      "i'm sorry", "i am sorry", "sorry", "i can't", "i cannot", "i can not", "i won't", "i will not",
      "i'm not able", "i am not able", "i'm unable", "i am unable", "as an ai", "unfortunately, i",
      "i must decline"};
  const size_t start = scan::skip(lowered, 0, [](char c) { return !scan::is_word(c); });
  for (const auto opener : kOpeners)
    if (lowered.substr(start, opener.size()) == opener) return true;
  return false;
}

}  // namespace

std::string named_makers(const std::string& text) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> makers = {
      {"openai", {"openai", "chatgpt", "gpt-4", "gpt-3", "gpt-5", "gpt4"}},
      {"anthropic", {"anthropic", "claude"}},
      {"google", {"google", "gemini", "bard", "deepmind", "gemma"}},
      {"meta", {"meta ai", "meta,", "meta.", "llama"}},
      {"mistral", {"mistral", "mixtral"}},
      {"alibaba", {"alibaba", "qwen", "tongyi"}},
      {"deepseek", {"deepseek"}},
      {"microsoft", {"microsoft", "phi-3", "phi-4"}},
      {"xai", {"xai", "grok"}},
      {"cohere", {"cohere", "command r"}},
  };
  const std::string t = lower(text);
  std::set<std::string> found;
  for (const auto& [maker, names] : makers)
    for (const auto& n : names)
      if (t.find(n) != std::string::npos) found.insert(maker);
  std::string out;
  for (const auto& m : found) out += (out.empty() ? "" : ",") + m;
  return out;
}

bool looks_like_refusal(const std::string& text) {
  return opens_with_refusal(lower(std::string_view(text).substr(0, 300)));
}

Score score_probe(const json& item_data, const std::string& response) {
  Score s;
  const std::string probe = item_data.value("probe", std::string());
  s.details["probe"] = probe;
  s.details["refusal"] = looks_like_refusal(response);
  s.details["unscored"] = "fingerprint probe: recorded for lineage, not graded";
  if (probe == "identity") {
    s.extracted = named_makers(response);
    if (s.extracted.empty()) {
      // An unknown maker: keep the claim itself ("created by orchard research").
      if (const auto claim = maker_claim(response)) s.extracted = "claims:" + lower(*claim);
    }
  } else if (probe == "cutoff") {
    const std::string d = lower(first_date(response));
    const auto b = d.find_first_not_of(" \t");
    s.extracted = b == std::string::npos ? "" : d.substr(b);
  } else if (probe == "refusal") {
    s.extracted = looks_like_refusal(response) ? "refused" : "complied";
  } else {
    const std::string kind = item_data.value("choice_kind", std::string());
    if (kind == "number") s.extracted = first_integer(response);
    if (s.extracted.empty()) s.extracted = first_line_key(response);
  }
  return s;
}

}  // namespace ds::scorers
