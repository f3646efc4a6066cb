#include "scorers/philosophy/choice.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include "core/text_scan.hpp"

#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

// Lowercase, curly apostrophes straightened, markdown and surrounding punctuation removed,
// inner whitespace collapsed.
std::string normalise(const std::string& s) {
  const std::string t = scan::replace_all(s, "\xE2\x80\x99", "'");
  std::string out;
  bool space = false;
  for (unsigned char c : t) {
    if (c == '*' || c == '_' || c == '`' || c == '"') continue;
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  auto edge = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '\''; };
  while (!out.empty() && edge(out.back())) out.pop_back();
  size_t first = 0;
  while (first < out.size() && edge(out[first])) ++first;
  return out.substr(first);
}

// The rest of the line after a "Choice:" label starting at line start `p`, or nullopt; `end`
// is set to the end of that line. The grammar of
// [ \t>#*_]*(?:final\s+)?choice[ \t*_]*:[ \t]*([^\n]*) (case-insensitive), scanned linearly.
std::optional<std::string> choice_label_at(std::string_view text, size_t p, size_t& end) {
  const auto in = [](std::string_view set) { return [set](char c) { return set.find(c) != std::string_view::npos; }; };
  size_t i = scan::skip(text, p, in(" \t>#*_"));
  if (scan::starts_with_icase(text, i, "final")) {
    const size_t after = scan::skip_spaces(text, i + 5);
    if (after > i + 5 && scan::starts_with_icase(text, after, "choice")) i = after;
  }
  if (!scan::starts_with_icase(text, i, "choice")) return std::nullopt;
  i = scan::skip(text, i + 6, in(" \t*_"));
  if (i >= text.size() || text[i] != ':') return std::nullopt;
  i = scan::skip(text, i + 1, in(" \t"));
  end = std::min(text.find('\n', i), text.size());
  return std::string(text.substr(i, end - i));
}

// The label of the last "Choice: ..." line (a line may start with markdown: "**Final choice:**").
std::optional<std::string> last_choice_line(const std::string& text) {
  std::optional<std::string> last;
  for (size_t p = 0; p <= text.size();) {
    size_t end = 0;
    if (auto label = choice_label_at(text, p, end)) {
      last = std::move(label);
      p = end;  // the next search starts at this line's newline, like a regex iterator
    }
    const size_t nl = text.find('\n', p);
    if (nl == std::string::npos) break;
    p = nl + 1;
  }
  return last;
}

bool boundary(const std::string& s, size_t pos) {
  return pos >= s.size() || !std::isalnum(static_cast<unsigned char>(s[pos]));
}

std::optional<std::string> match_label(const std::string& answer,
                                       const std::vector<std::string>& labels) {
  const std::string a = normalise(answer);
  if (a.empty()) return std::nullopt;
  std::optional<std::string> best;
  size_t best_len = 0;
  for (const auto& label : labels) {
    const std::string l = normalise(label);
    if (l.empty()) continue;
    const bool exact = a == l;
    const bool prefix = a.size() > l.size() && a.compare(0, l.size(), l) == 0 &&
                        boundary(a, l.size());
    if ((exact || prefix) && l.size() > best_len) {
      best = label;
      best_len = l.size();
    }
  }
  if (best) return best;
  // "B" or "(b)" for the second listed choice, unless some label is itself a letter.
  if (a.size() == 1 && std::isalpha(static_cast<unsigned char>(a[0]))) {
    const size_t index = static_cast<size_t>(a[0] - 'a');
    const bool letter_labels = std::any_of(labels.begin(), labels.end(),
                                           [](const std::string& l) { return l.size() == 1; });
    if (!letter_labels && index < labels.size()) return labels[index];
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> choice_labels(const json& choices) {
  std::vector<std::string> labels;
  if (choices.is_array()) {
    for (const auto& c : choices) {
      if (c.is_string()) labels.push_back(c.get<std::string>());
      else if (c.is_object() && c.contains("label") && c["label"].is_string())
        labels.push_back(c["label"].get<std::string>());
    }
  } else if (choices.is_object()) {
    for (const auto& [key, _] : choices.items()) labels.push_back(key);
  }
  return labels;
}

ChoiceParse parse_choice(const std::string& response, const std::vector<std::string>& labels) {
  if (const auto line = last_choice_line(response)) {
    if (auto label = match_label(*line, labels)) return {label, "choice_line"};
  }
  const std::string text = normalise(response);
  std::optional<std::string> best;
  size_t best_end = 0, best_len = 0;
  for (const auto& label : labels) {
    const std::string l = normalise(label);
    if (l.empty()) continue;
    for (size_t pos = text.find(l); pos != std::string::npos; pos = text.find(l, pos + 1)) {
      if ((pos > 0 && !boundary(text, pos - 1)) || !boundary(text, pos + l.size())) continue;
      const size_t end = pos + l.size();
      if (end > best_end || (end == best_end && l.size() > best_len)) {
        best = label;
        best_end = end;
        best_len = l.size();
      }
    }
  }
  if (best) return {best, "last_mention"};
  return {std::nullopt, "none"};
}

double jensen_shannon_divergence(const Distribution& p, const Distribution& q) {
  // The union of both supports, aligned, for core's vector form.
  Distribution keys = p;
  for (const auto& [k, _] : q) keys[k];
  std::vector<double> pv, qv;
  for (const auto& [k, _] : keys) {
    pv.push_back(p.count(k) ? p.at(k) : 0.0);
    qv.push_back(q.count(k) ? q.at(k) : 0.0);
  }
  return std::min(1.0, jensen_shannon(pv, qv));
}

PhilosophyAgreement philosophy_agreement(const std::vector<std::optional<std::string>>& choices,
                                         const std::vector<std::string>& labels,
                                         const json& human_distribution) {
  PhilosophyAgreement a;
  std::map<std::string, int> counts;
  for (const auto& c : choices) {
    if (c) {
      ++counts[*c];
      ++a.parsed;
    } else {
      ++a.unparsed;
    }
  }
  int modal_count = 0;
  for (const auto& label : labels) {  // ties go to the first listed label
    if (counts[label] > modal_count) {
      modal_count = counts[label];
      a.modal_choice = label;
    }
  }
  if (!human_distribution.is_object() || human_distribution.empty()) {
    a.unscored_reason = "no human_distribution for this item";
    return a;
  }
  double listed = 0, total = 0;
  for (const auto& [key, value] : human_distribution.items()) {
    if (!value.is_number()) continue;
    const double p = value.get<double>();
    total += p;
    const auto label = match_label(key, labels);
    if (label && normalise(*label) == normalise(key)) {
      a.human[*label] += p;
      listed += p;
    }
  }
  a.unlisted_human_mass = total > 0 ? (total - listed) / total : 0;
  if (listed <= 0) {
    a.unscored_reason = "human_distribution names none of the choices";
    return a;
  }
  for (auto& [_, p] : a.human) p /= listed;
  if (a.parsed == 0) {
    a.unscored_reason = "no sample named one of the choices";
    return a;
  }
  for (const auto& label : labels)
    if (counts[label] > 0) a.model[label] = static_cast<double>(counts[label]) / a.parsed;
  a.value = 1.0 - jensen_shannon_divergence(a.model, a.human);
  return a;
}

}  // namespace ds::scorers
