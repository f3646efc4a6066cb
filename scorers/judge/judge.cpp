#include "scorers/judge/judge.hpp"

#include <regex>
#include "scorers/layer.hpp"
#include "core/text_scan.hpp"

namespace ds::scorers {

std::string judge_kind(const SuiteItem& item) {
  if (item.kind == SuiteKind::creativity) {
    const std::string task = item.data.value("task", std::string());
    if (task == "title" || task == "metaphor") return "creativity." + task;
  }
  if (item.kind == SuiteKind::philosophy && item.data.value("kind", std::string()) == "free")
    return "philosophy.free";
  return "";
}

std::string judge_rubric(const std::string& kind) {
  if (kind == "creativity.title")
    return "You judge titles for originality and aptness. 10: surprising yet fitting, vivid, "
           "memorable, not a cliche. 7: apt and pleasant with some freshness. 4: generic or "
           "cliched but relevant. 1: irrelevant, empty, or not a title. Ignore length unless "
           "the task sets one; a refusal scores 1.";
  if (kind == "creativity.metaphor")
    return "You judge metaphors for originality and insight. 10: a fresh comparison that "
           "reveals something true about the subject, coherent and vivid. 7: apt and clear "
           "but somewhat familiar. 4: a stock metaphor or a literal description. 1: no "
           "metaphor, incoherent, or a refusal.";
  if (kind == "philosophy.free")
    return "You judge answers to a philosophical question for quality of reasoning, not for "
           "which position is taken. 10: takes a clear position, gives the strongest "
           "arguments for it, fairly states and answers the best objection, precise. 7: a "
           "clear position with good reasons, objections mentioned briefly. 4: vague or "
           "one-sided, a list of views without reasoning. 1: off-topic, incoherent, or a "
           "refusal to engage.";
  return "You judge the quality of a response to the task. 10: excellent, 7: good, "
         "4: weak, 1: fails the task.";
}

Request build_judge_request(const SuiteItem& item, const std::string& response) {
  const std::string kind = judge_kind(item);
  std::string rubric = judge_rubric(kind);
  if (item.data.contains("rubric") && item.data["rubric"].is_string())
    rubric += "\nItem-specific guidance: " + item.data["rubric"].get<std::string>();
  std::string task;
  if (!item.system.empty()) task += "[system] " + item.system + "\n";
  for (const auto& m : item.messages) task += "[" + m.role + "] " + m.content + "\n";

  Request r;
  r.system = "You are an impartial evaluator. " + rubric +
             "\nExplain briefly, then end with a final line exactly of the form "
             "\"Score: N/10\" where N is an integer from 1 to 10.";
  r.messages.push_back({"user", "## The task given to the model\n" + task +
                                    "\n## The model's response\n" + response +
                                    "\n\n## Your evaluation\nRate the response using the rubric. "
                                    "End with \"Score: N/10\"."});
  r.params.temperature = 0.0;
  r.params.max_tokens = 600;
  return r;
}

namespace {

// The judge's reply is model text of any length: read it with linear scanners, not std::regex.
constexpr size_t kNone = std::string::npos;

struct ScoreMention {
  size_t end = 0;
  std::string value, max;  // max empty: out of 10
};

// \d+(?:\.\d+)?
size_t number_end(std::string_view s, size_t pos) {
  if (pos >= s.size() || !scan::is_digit(s[pos])) return kNone;
  size_t e = scan::skip_digits(s, pos);
  if (e + 1 < s.size() && s[e] == '.' && scan::is_digit(s[e + 1])) e = scan::skip_digits(s, e + 1);
  return e;
}

// (?:score|rating|grade)[\s*:=_]*
size_t keyword_end(std::string_view s, size_t pos) {
  for (const std::string_view word : {"score", "rating", "grade"})
    if (scan::starts_with_icase(s, pos, word))
      return scan::skip(s, pos + word.size(),
                        [](char c) { return scan::is_space(c) || c == '*' || c == ':' || c == '=' || c == '_'; });
  return kNone;
}

// \s*(?:/|out\s+of)\s*
size_t scale_separator_end(std::string_view s, size_t pos) {
  const size_t i = scan::skip_spaces(s, pos);
  if (i < s.size() && s[i] == '/') return scan::skip_spaces(s, i + 1);
  if (!scan::starts_with_icase(s, i, "out")) return kNone;
  const size_t of = scan::skip_spaces(s, i + 3);
  if (of == i + 3 || !scan::starts_with_icase(s, of, "of")) return kNone;
  return scan::skip_spaces(s, of + 2);
}

std::string cut(std::string_view s, size_t from, size_t to) { return std::string(s.substr(from, to - from)); }

// "Score: 7/10", "rating 4 out of 5"
std::optional<ScoreMention> keyword_with_scale(std::string_view s, size_t p) {
  const size_t num = keyword_end(s, p);
  const size_t num_end = num == kNone ? kNone : number_end(s, num);
  const size_t max = num_end == kNone ? kNone : scale_separator_end(s, num_end);
  const size_t max_end = max == kNone ? kNone : number_end(s, max);
  if (max_end == kNone) return std::nullopt;
  return ScoreMention{max_end, cut(s, num, num_end), cut(s, max, max_end)};
}

// "[[8]]"
std::optional<ScoreMention> double_brackets(std::string_view s, size_t p) {
  if (s.compare(p, 2, "[[") != 0) return std::nullopt;
  const size_t num = scan::skip_spaces(s, p + 2);
  const size_t num_end = number_end(s, num);
  if (num_end == kNone) return std::nullopt;
  const size_t close = scan::skip_spaces(s, num_end);
  if (s.compare(close, 2, "]]") != 0) return std::nullopt;
  return ScoreMention{close + 2, cut(s, num, num_end), ""};
}

// "Score: 9"
std::optional<ScoreMention> keyword_only(std::string_view s, size_t p) {
  const size_t num = keyword_end(s, p);
  const size_t num_end = num == kNone ? kNone : number_end(s, num);
  if (num_end == kNone) return std::nullopt;
  return ScoreMention{num_end, cut(s, num, num_end), ""};
}

// "6/10", "4 out of 5", "70/100" (scale 10, 5 or 100 followed by a non-word character)
std::optional<ScoreMention> bare_scale(std::string_view s, size_t p) {
  if (p > 0 && scan::is_digit(s[p - 1])) return std::nullopt;  // same outcome as the run's start
  const size_t num_end = number_end(s, p);
  const size_t max = num_end == kNone ? kNone : scale_separator_end(s, num_end);
  if (max == kNone) return std::nullopt;
  for (const std::string_view scale : {"10", "5", "100"}) {
    const size_t end = max + scale.size();
    if (s.compare(max, scale.size(), scale) == 0 && (end == s.size() || !scan::is_word(s[end])))
      return ScoreMention{end, cut(s, p, num_end), std::string(scale)};
  }
  return std::nullopt;
}

// The last of the non-overlapping mentions found scanning left to right.
template <typename MatchAt>
std::optional<ScoreMention> last_mention(std::string_view s, MatchAt match_at) {
  std::optional<ScoreMention> last;
  for (size_t p = 0; p < s.size();) {
    if (auto m = match_at(s, p)) {
      p = m->end;
      last = std::move(m);
    } else {
      ++p;
    }
  }
  return last;
}

}  // namespace

JudgeReading read_judge_reply(const std::string& text) {
  // Tiers in order of trust; within a tier the last mention wins (judges restate the scale
  // before concluding).
  std::optional<ScoreMention> m = last_mention(text, keyword_with_scale);
  if (!m) m = last_mention(text, double_brackets);
  if (!m) m = last_mention(text, keyword_only);
  if (!m) m = last_mention(text, bare_scale);
  if (!m) return {std::nullopt, text.empty() ? "the reply is empty" : "the reply contains no score"};
  // strtod, not stod: a 400-digit "score" is +inf here, not an exception.
  const double value = std::strtod(m->value.c_str(), nullptr);
  const double max = m->max.empty() ? 10.0 : std::strtod(m->max.c_str(), nullptr);
  if (!(max > 0) || !(value <= max)) {
    const std::string shown = m->value.size() > 12 ? m->value.substr(0, 12) + "..." : m->value;
    return {std::nullopt, "the score " + shown + " is outside its scale of " + (m->max.empty() ? "10" : m->max)};
  }
  return {value / max, ""};
}

std::optional<double> parse_judge_score(const std::string& text) { return read_judge_reply(text).value; }

Request judge_retry_request(const Request& first, const std::string& reply, const std::string& problem) {
  Request again = first;
  again.messages.push_back({"assistant", reply});
  again.messages.push_back({"user", "Your evaluation could not be read: " + problem +
                                        ". Give your evaluation again and end with a final line "
                                        "exactly of the form \"Score: N/10\" where N is an integer "
                                        "from 1 to 10."});
  return again;
}

}  // namespace ds::scorers
