#include "scorers/creativity/constraints.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "scorers/creativity/text.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

bool vowel(char c) { return std::string("aeiouy").find(c) != std::string::npos; }

std::string letters_only(const std::string& w) {
  std::string out;
  for (char c : w)
    if (std::isalpha(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The rime: from the start of the last vowel group to the end, after dropping a silent final e.
std::string rime(std::string w) {
  w = letters_only(w);
  if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2])) {
    const std::string stem = w.substr(0, w.size() - 1);
    if (std::any_of(stem.begin(), stem.end(), vowel)) w = stem;
  }
  size_t end = w.size();
  while (end > 0 && !vowel(w[end - 1])) --end;  // trailing consonants
  if (end == 0) return w;
  size_t start = end;
  while (start > 0 && vowel(w[start - 1])) --start;
  // A "y" that starts the group is a consonant ("yes").
  if (start < end && w[start] == 'y' && start + 1 < end) ++start;
  return w.substr(start);
}

std::string last_word(const std::string& line) {
  const auto tokens = word_tokens(line);
  return tokens.empty() ? "" : tokens.back();
}

// Distinct words whose inflections are looked up in WordNet (each lookup is a disk search,
// tens of microseconds): far more than a constrained poem has, and a bound on an 8 MiB answer.
constexpr size_t kMaxLemmatisedWords = 2'000;

// The answer's words and, for the first kMaxLemmatisedWords distinct ones, their base forms.
std::set<std::string> word_forms(const std::vector<std::string>& words) {
  std::set<std::string> present(words.begin(), words.end());
  std::vector<std::string> bases;
  size_t looked_up = 0;
  for (const auto& w : present) {
    if (looked_up++ == kMaxLemmatisedWords) break;
    bases.push_back(wordnet_base_form(w));
  }
  present.insert(bases.begin(), bases.end());
  return present;
}

json check(const std::string& name, bool passed, const std::string& detail) {
  return {{"name", name}, {"passed", passed}, {"detail", detail}};
}

}  // namespace

bool words_rhyme(const std::string& a, const std::string& b) {
  const std::string x = letters_only(a), y = letters_only(b);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  if (x.size() >= 3 && y.size() >= 3 && x.substr(x.size() - 3) == y.substr(y.size() - 3))
    return true;
  return rime(x) == rime(y);
}

std::string constrained_body(const std::string& response) {
  std::string body;
  for (const auto& line : content_lines(response)) body += line + "\n";
  return body;
}

json check_constraints(const std::string& response, const json& c) {
  const std::string text = constrained_body(response);
  const auto words = word_tokens(text);
  const auto lines = content_lines(response);
  json checks = json::array();
  json ignored = json::array();
  for (const auto& [key, value] : c.items()) {
    if (key == "max_words" && value.is_number()) {
      checks.push_back(check(key, words.size() <= value.get<size_t>(),
                             std::to_string(words.size()) + " words"));
    } else if (key == "min_words" && value.is_number()) {
      checks.push_back(check(key, words.size() >= value.get<size_t>(),
                             std::to_string(words.size()) + " words"));
    } else if (key == "forbidden_letter" && value.is_string() && !value.get<std::string>().empty()) {
      const char letter = static_cast<char>(std::tolower(value.get<std::string>()[0]));
      const auto n = std::count_if(text.begin(), text.end(), [&](char ch) {
        return std::tolower(static_cast<unsigned char>(ch)) == letter;
      });
      checks.push_back(check(key, n == 0, std::to_string(n) + " occurrences"));
    } else if (key == "required_words" && value.is_array()) {
      const std::set<std::string> present = word_forms(words);
      for (const auto& req : value) {
        if (!req.is_string()) continue;
        const std::string w = letters_only(req.get<std::string>());
        const bool found = present.count(w) || present.count(wordnet_base_form(w));
        checks.push_back(check("required_word:" + req.get<std::string>(), found,
                               found ? "present" : "missing"));
      }
    } else if (key == "forbidden_words" && value.is_array()) {
      const std::set<std::string> present = word_forms(words);
      for (const auto& banned : value) {
        if (!banned.is_string()) continue;
        const std::string w = letters_only(banned.get<std::string>());
        const bool found = present.count(w) > 0;
        checks.push_back(check("forbidden_word:" + banned.get<std::string>(), !found,
                               found ? "used" : "absent"));
      }
    } else if (key == "acrostic" && value.is_string()) {
      const std::string target = letters_only(value.get<std::string>());
      std::string initials;
      for (const auto& line : lines) {
        const auto first = letters_only(line.substr(0, std::min<size_t>(line.size(), 8)));
        if (!first.empty()) initials += first[0];
      }
      const bool ok = initials.compare(0, target.size(), target) == 0 && !target.empty();
      checks.push_back(check(key, ok, "initials '" + initials + "'"));
    } else if (key == "lines" && value.is_number()) {
      checks.push_back(check(key, lines.size() == value.get<size_t>(),
                             std::to_string(lines.size()) + " lines"));
    } else if (key == "rhyme_scheme" && value.is_string()) {
      const std::string scheme = value.get<std::string>();
      std::string detail;
      bool ok = lines.size() >= scheme.size();
      if (!ok) detail = "fewer lines than the scheme";
      std::map<char, std::string> first_word;
      for (size_t i = 0; ok && i < scheme.size(); ++i) {
        const std::string w = last_word(lines[i]);
        const char letter = scheme[i];
        if (!first_word.count(letter)) {
          first_word[letter] = w;
        } else if (!words_rhyme(first_word[letter], w)) {
          ok = false;
          detail = "'" + first_word[letter] + "' / '" + w + "' do not rhyme";
        }
      }
      checks.push_back(check(key, ok, ok ? "rhymes" : detail));
    } else {
      ignored.push_back(key);
    }
  }
  int passed = 0;
  for (const auto& ch : checks) passed += ch["passed"].get<bool>() ? 1 : 0;
  json out = {{"checks", checks}, {"passed", passed}, {"total", checks.size()}};
  if (!ignored.empty()) out["ignored"] = ignored;
  return out;
}

}  // namespace ds::scorers
