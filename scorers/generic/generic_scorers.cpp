#include "scorers/generic/generic_scorers.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/text.hpp"
#include "scorers/philosophy/choice.hpp"

namespace ds::scorers {

namespace {

// std::regex recurses per character on some patterns: the text it reads is bounded so a long
// answer cannot exhaust the stack (a user's pattern is meant for a short final answer). A
// longer answer scores 0 with the reason: matching only its first part would let
// "7777...7 and this is NOT a number" pass ^[0-9]+$ (docs/suites.md).
constexpr size_t kRegexTextLimit = 4096;

Score binary(bool pass, std::string extracted) {
  Score s;
  s.value = pass ? 1.0 : 0.0;
  s.extracted = std::move(extracted);
  return s;
}

}  // namespace

std::string final_answer(const std::string& response) {
  const std::string low = lower(response);
  std::string tail;
  if (const auto at = low.rfind("answer:"); at != std::string::npos) {
    tail = response.substr(at + 7);
    tail = tail.substr(0, tail.find('\n'));
  } else {
    const std::string trimmed = trim(response, " \t\r\n");
    const auto nl = trimmed.rfind('\n');
    tail = nl == std::string::npos ? trimmed : trimmed.substr(nl + 1);
  }
  const std::string marks = " \t\r\n\"'`*_";
  std::string answer = trim(tail, marks);
  if (!answer.empty() && answer.back() == '.') answer = trim(answer.substr(0, answer.size() - 1), marks);
  return lower(answer);
}

Score score_exact(const json& item, const std::string& response) {
  const std::string got = final_answer(response);
  const std::string expected = lower(trim(item.value("answer", std::string()), " \t\r\n"));
  Score s = binary(!expected.empty() && got == expected, got);
  s.details["expected"] = expected;
  return s;
}

Score score_regex(const json& item, const std::string& response) {
  const std::string pattern = item.value("pattern", std::string());
  try {
    const std::regex re(pattern, std::regex::ECMAScript);
    if (response.size() > kRegexTextLimit) {
      Score s = binary(false, "");
      s.details["pattern"] = pattern;
      s.details["reason"] = "the answer is " + std::to_string(response.size()) + " bytes, longer than the " +
                            std::to_string(kRegexTextLimit) + " bytes a regex item matches";
      return s;
    }
    Score s = binary(std::regex_search(response, re), "");
    s.details["pattern"] = pattern;
    return s;
  } catch (const std::regex_error& e) {
    Score s;
    s.details["unscored"] = std::string("the item's pattern is not a valid regular expression: ") + e.what();
    return s;
  }
}

Score score_contains(const json& item, const std::string& response) {
  std::vector<std::string> needles;
  if (item.contains("contains") && item["contains"].is_string()) needles.push_back(item["contains"]);
  if (item.contains("contains") && item["contains"].is_array())
    for (const auto& n : item["contains"])
      if (n.is_string()) needles.push_back(n);
  const std::string haystack = lower(response);
  json missing = json::array();
  for (const auto& n : needles)
    if (haystack.find(lower(n)) == std::string::npos) missing.push_back(n);
  Score s = binary(!needles.empty() && missing.empty(), "");
  if (!missing.empty()) s.details["missing"] = missing;
  return s;
}

Score score_choice(const json& item, const std::string& response) {
  const auto labels = choice_labels(item.value("choices", json::array()));
  const ChoiceParse parsed = parse_choice(response, labels);
  const std::string expected = item.value("answer", std::string());
  Score s = binary(parsed.label && *parsed.label == expected, parsed.label.value_or(""));
  s.details["expected"] = expected;
  s.details["choice_method"] = parsed.method;
  return s;
}

}  // namespace ds::scorers
