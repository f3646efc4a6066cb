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

// Where the maker's name starts when text[p...] is "<verb> <preposition> " in one of the
// battery's languages that put the maker after the verb (en, fr, de, es, it, pt, nl; in ja, zh
// and ru only the makers named_makers knows are read); kNone otherwise. A stem may take a one-
// or two-letter ending (desarrollado, creata, développée).
size_t after_maker_phrase(std::string_view text, size_t p) {
  static constexpr std::pair<std::string_view, std::string_view> kPhrases[] = {
      {"created", "by"},        {"made", "by"},           {"developed", "by"},
      {"built", "by"},          {"trained", "by"},        {"d\xC3\xA9velopp\xC3\xA9", "par"},
      {"cr\xC3\xA9\xC3\xA9", "par"}, {"entwickelt", "von"},      {"erstellt", "von"},
      {"desarrollad", "por"},   {"cread", "por"},         {"sviluppat", "da"},
      {"creat", "da"},          {"desenvolvid", "por"},   {"criad", "por"},
      {"ontwikkeld", "door"},   {"gemaakt", "door"}};
  for (const auto& [verb, preposition] : kPhrases) {
    if (!scan::starts_with_icase(text, p, verb)) continue;
    const size_t stem_end = p + verb.size();
    const size_t verb_end = std::min(scan::skip(text, stem_end, scan::is_alpha), stem_end + 2);
    const size_t prep = scan::skip_spaces(text, verb_end);
    if (prep == verb_end || !scan::starts_with_icase(text, prep, preposition)) continue;
    const size_t name = scan::skip_spaces(text, prep + preposition.size());
    if (name == prep + preposition.size()) continue;
    return name;
  }
  return kNone;
}

// "created by X" (or its translation) with X the shortest run of word characters, '-' and
// spaces (at most 41) that is followed by . , ; ! newline or the end: the grammar of
// (?:created|...)\s+by\s+([A-Za-z0-9][\w\- ]{0,40}?)(?=[.,;!\n]|$)
std::optional<std::string> maker_claim(std::string_view text) {
  const auto stop = [&](size_t i) {
    return i == text.size() || std::string_view(".,;!\n").find(text[i]) != std::string_view::npos;
  };
  for (size_t p = 0; p < text.size(); ++p) {
    const size_t name = after_maker_phrase(text, p);
    if (name == kNone || name >= text.size() || !(scan::is_alpha(text[name]) || scan::is_digit(text[name])))
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

// A pick set in bold ("I'd go with **Blue**!") is the pick; otherwise the first line is.
std::string choice_key(const std::string& text) {
  const size_t open = text.find("**");
  if (open != std::string::npos) {
    const size_t close = text.find("**", open + 2);
    const std::string inner = close == std::string::npos ? "" : text.substr(open + 2, close - open - 2);
    if (!inner.empty() && inner.size() <= 80 && inner.find('\n') == std::string::npos) return first_line_key(inner);
  }
  return first_line_key(text);
}

// How a refusal is worded: its first sentence, lowercased, punctuation dropped, <= 8 words
// ("i'm sorry but i can't help with that"), so vendors' stock phrasings become categories.
std::string refusal_wording(std::string_view text) {
  const std::string t = lower(text.substr(0, 400));
  std::string words;
  size_t count = 0;
  bool in_word = false;
  for (const char ch : t) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '.' || c == '!' || c == '?' || c == '\n') {
      if (!words.empty()) break;
      continue;
    }
    if (scan::is_word(ch) || c == '\'' || c >= 0x80) {
      if (!in_word && count == 8) break;
      if (!in_word && !words.empty()) words += ' ';
      if (!in_word) ++count;
      words += ch;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return words;
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
    // Claiming no maker is an answer too: its share is part of the model's distribution.
    if (s.extracted.empty()) s.extracted = "no claim";
  } else if (probe == "cutoff") {
    const std::string d = lower(first_date(response));
    const auto b = d.find_first_not_of(" \t");
    s.extracted = b == std::string::npos ? "no date" : d.substr(b);
  } else if (probe == "refusal") {
    s.extracted = looks_like_refusal(response) ? "refused: " + refusal_wording(response) : "complied";
  } else {
    const std::string kind = item_data.value("choice_kind", std::string());
    if (kind.rfind("number", 0) == 0) s.extracted = first_integer(response);  // number, number_1_10
    if (s.extracted.empty()) s.extracted = choice_key(response);
  }
  return s;
}

}  // namespace ds::scorers
