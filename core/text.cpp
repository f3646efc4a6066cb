#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace ds::core {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s, std::string_view chars) {
  const auto first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(chars) - first + 1));
}

std::string normalise_whitespace(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

// Levenshtein distance; names are short, so the quadratic table is nothing.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view given, const std::vector<std::string>& names) {
  if (given.size() > 64) return "";  // not a typo of a short name
  const std::string g = lower(given);
  std::string best;
  size_t best_distance = 3;
  for (const auto& name : names) {
    const size_t d = edit_distance(g, lower(name));
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return 2 * best_distance < g.size() ? best : "";
}

}  // namespace ds::core
