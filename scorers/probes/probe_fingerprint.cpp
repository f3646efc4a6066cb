#include "scorers/probes/probe_fingerprint.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <utility>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  for (size_t pos; (pos = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(pos, 3, "'");
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
  return out.substr(0, 80);
}

std::string first_match(const std::string& text, const std::regex& re) {
  std::smatch m;
  return std::regex_search(text, m, re) ? m.str(0) : "";
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
  static const std::regex opener(
      R"(^\W*(i'm sorry|i am sorry|sorry|i can't|i cannot|i can not|i won't|i will not|i'm not able|i am not able|i'm unable|i am unable|as an ai|unfortunately, i|i must decline))");
  const std::string t = lower(text.substr(0, 300));
  return std::regex_search(t, opener);
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
      static const std::regex claim(
          R"((?:created|made|developed|built|trained)\s+by\s+([A-Za-z0-9][\w\- ]{0,40}?)(?=[.,;!\n]|$))",
          std::regex::icase);
      std::smatch m;
      if (std::regex_search(response, m, claim)) s.extracted = "claims:" + lower(m[1].str());
    }
  } else if (probe == "cutoff") {
    static const std::regex date(
        R"((january|february|march|april|may|june|july|august|september|october|november|december)?\s*(19|20)\d\d)",
        std::regex::icase);
    std::string d = lower(first_match(response, date));
    const auto b = d.find_first_not_of(" \t");
    s.extracted = b == std::string::npos ? "" : d.substr(b);
  } else if (probe == "refusal") {
    s.extracted = looks_like_refusal(response) ? "refused" : "complied";
  } else {
    const std::string kind = item_data.value("choice_kind", std::string());
    static const std::regex number(R"(-?\d+)");
    if (kind == "number") s.extracted = first_match(response, number);
    if (s.extracted.empty()) s.extracted = first_line_key(response);
  }
  return s;
}

}  // namespace ds::scorers
