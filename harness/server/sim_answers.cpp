#include "harness/server/sim_answers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>
#include <string_view>

#include "core/text_scan.hpp"
#include "core/json_bounded.hpp"

#include "core/text.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string capitalise(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The prompt's content words, in order, so answers talk about what was asked.
std::vector<std::string> keywords(const std::string& prompt) {
  static const std::set<std::string> kStop = {
      "about", "above", "after", "again", "their", "there", "these", "those", "which", "while", "would",
      "could", "should", "where", "what", "when", "with", "your", "from", "that", "this", "have", "into",
      "more", "most", "some", "such", "than", "then", "them", "they", "very", "will", "each", "also",
      "only", "other", "please", "write", "describe", "explain", "give", "answer", "using", "make",
      "does", "doing", "being", "just", "like", "sentence", "response", "words", "works", "work",
      "tell", "know", "want", "need", "following", "question"};
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4 && !kStop.count(word) && std::find(out.begin(), out.end(), word) == out.end())
      out.push_back(word);
    word.clear();
  };
  for (char c : prompt) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      flush();
  }
  flush();
  // The longest words carry the topic; keep them in the prompt's order.
  if (out.size() > 3) {
    std::vector<std::string> by_length = out;
    std::stable_sort(by_length.begin(), by_length.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    by_length.resize(3);
    std::vector<std::string> kept;
    for (const auto& w : out)
      if (std::find(by_length.begin(), by_length.end(), w) != by_length.end()) kept.push_back(w);
    out = kept;
  }
  for (const char* pad : {"the question", "the context", "the details"})
    if (out.size() < 3) out.push_back(pad);
  return out;
}

std::string fill(std::string t, const std::vector<std::string>& k) {
  t = replace_all(t, "{K1}", capitalise(k[0]));
  t = replace_all(t, "{K2}", capitalise(k[1]));
  t = replace_all(t, "{K3}", capitalise(k[2]));
  t = replace_all(t, "{k1}", k[0]);
  t = replace_all(t, "{k2}", k[1]);
  return replace_all(t, "{k3}", k[2]);
}

std::string bullet_line(const Persona& p, const std::string& text) {
  if (p.bullet_prefix == "- **") {
    const size_t colon = text.find(':');
    if (colon != std::string::npos) return "- **" + text.substr(0, colon) + ":**" + text.substr(colon + 1);
    return "- " + text;
  }
  return p.bullet_prefix + text;
}

std::string format_list(const std::string& style, const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (style == "comma")
      out += (i ? ", " : "") + items[i];
    else if (style == "bullets")
      out += "- " + items[i] + "\n";
    else
      out += fmt::format("{}. {}\n", i + 1, items[i]);
  }
  if (style == "comma") out += "\n";
  return out;
}

std::string opener(const SimContext& ctx) {
  const Persona& v = ctx.voice("opener");
  return ctx.rng(v, "opener").pick(v.openers);
}

std::string closer(const SimContext& ctx) {
  const Persona& v = ctx.voice("closer");
  return ctx.rng(v, "closer").pick(v.closers);
}

// The first five numbers (\d+(?:\.\d+)?) of the prompt; prompts come from clients, so a
// linear scan rather than std::regex.
std::string numbers_in(const std::string& text) {
  std::string out;
  int n = 0;
  for (size_t i = 0; i < text.size() && n < 5;) {
    if (!scan::is_digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = scan::skip_digits(text, i);
    if (end + 1 < text.size() && text[end] == '.' && scan::is_digit(text[end + 1])) end = scan::skip_digits(text, end + 1);
    out += (out.empty() ? "" : ", ") + text.substr(i, end - i);
    ++n;
    i = end;
  }
  return out.empty() ? "the quantities in the question" : out;
}

// The object of "uses for/of (a|an|the|one )?OBJECT" ending before punctuation, a newline or
// the end: the grammar of
// uses (?:for|of) (?:an? |the |one )?([a-z][a-z\- ]*?)\s*(?:[?.!,:;\n]|$), scanned linearly.
std::optional<std::string> uses_object(const std::string& text) {
  // The shortest object from `start` that only whitespace separates from a terminator.
  const auto object_at = [&](size_t start) -> std::optional<std::string> {
    if (start >= text.size() || text[start] < 'a' || text[start] > 'z') return std::nullopt;
    size_t run_end = 0, last_newline = std::string::npos;  // the whitespace run at `end`
    for (size_t end = start + 1;; ++end) {
      if (end >= run_end) {  // each run is scanned once
        run_end = scan::skip_spaces(text, end);
        last_newline = std::string::npos;
        for (size_t k = end; k < run_end; ++k)
          if (text[k] == '\n') last_newline = k;
      }
      const bool newline_follows = last_newline != std::string::npos && last_newline >= end;
      if (run_end == text.size() || newline_follows ||
          std::string_view("?.!,:;").find(text[run_end]) != std::string_view::npos)
        return text.substr(start, end - start);
      const char c = text[end];
      if (!((c >= 'a' && c <= 'z') || c == '-' || c == ' ')) return std::nullopt;
    }
  };
  for (size_t p = text.find("uses "); p != std::string::npos; p = text.find("uses ", p + 1)) {
    size_t i = p + 5;
    if (text.compare(i, 4, "for ") == 0) i += 4;
    else if (text.compare(i, 3, "of ") == 0) i += 3;
    else continue;
    for (const std::string_view article : {"an ", "a ", "the ", "one "})
      if (text.compare(i, article.size(), article) == 0)
        if (auto object = object_at(i + article.size())) return object;
    if (auto object = object_at(i)) return object;
  }
  return std::nullopt;
}

// Whether `who` gets an item right in this sample; a distilled model that copies its teacher
// is right only where the teacher is, and loses some of those.
bool solves(const SimContext& ctx, const Persona& who, const std::string& slot, double skill_self,
            double skill_parent) {
  if (&who == ctx.self || !ctx.parent) return ctx.rng(*ctx.self, slot).chance(skill_self);
  if (!ctx.rng(*ctx.parent, slot).chance(skill_parent)) return false;
  return ctx.rng(*ctx.self, slot + "-retain").chance(std::min(1.0, skill_self / skill_parent + 0.15));
}

std::string format_decimal(double x, int decimals) { return fmt::format("{:.{}f}", x, decimals); }

}  // namespace

std::string wrong_answer(const std::string& answer, SimRng& rng) {
  static const std::regex integer(R"(\s*(-?\d+)\s*)");
  static const std::regex decimal(R"(\s*(-?\d+)\.(\d+)\s*)");
  static const std::regex fraction(R"(\s*(-?\d+)\s*/\s*(\d+)\s*)");
  std::smatch m;
  std::vector<std::string> candidates;
  if (std::regex_match(answer, m, integer)) {
    const long long n = std::stoll(m[1]);
    for (long long c : {n + 1, n - 1, n + 2, 2 * n, n + 10, n - 2, n / 2, n * 10})
      if (c != n) candidates.push_back(std::to_string(c));
  } else if (std::regex_match(answer, m, decimal)) {
    const int d = static_cast<int>(m[2].length());
    const double x = std::stod(answer);
    for (double c : {x + 1, x - 1, x * 2, x + std::pow(10.0, -d), x / 2, x - 10 * std::pow(10.0, -d)}) {
      const std::string s = format_decimal(c, d);
      if (s != format_decimal(x, d)) candidates.push_back(s);
    }
  } else if (std::regex_match(answer, m, fraction)) {
    const long long a = std::stoll(m[1]), b = std::stoll(m[2]);
    for (auto [p, q] : std::vector<std::pair<long long, long long>>{{b, a}, {a + 1, b}, {a, b + 1}, {2 * a, b}, {a - 1, b}})
      if (q != 0 && p * b != a * q) candidates.push_back(fmt::format("{}/{}", p, q));
  }
  if (candidates.empty()) return answer == "0" ? "1" : "0";
  return rng.pick(candidates);
}

std::string break_code(const std::string& code, SimRng& rng) {
  static const std::vector<std::pair<std::string, std::string>> kMutations = {
      {" <= ", " < "}, {" >= ", " > "}, {" < ", " <= "}, {" > ", " >= "}, {" + 1", ""}, {" - 1", ""},
      {" == ", " != "}, {"True", "False"}, {"sorted(", "list("}, {"max(", "min("}, {"[::-1]", ""}};
  std::vector<std::pair<std::string, std::string>> applicable;
  for (const auto& mu : kMutations)
    if (code.find(mu.first) != std::string::npos) applicable.push_back(mu);
  if (applicable.empty()) {
    // Returns nothing useful: the last `return x` becomes `return None and x`.
    const size_t at = code.rfind("return ");
    if (at == std::string::npos) return code + "\n    return None\n";
    return code.substr(0, at) + "return None and " + code.substr(at + 7);
  }
  const auto& [from, to] = rng.pick(applicable);
  const size_t at = code.find(from);
  return code.substr(0, at) + to + code.substr(at + from.size());
}

std::string sim_math(const SimContext& ctx, const SuiteItem& item) {
  const std::string answer = item.data.value("answer", "");
  const Persona& who = ctx.voice("math-answer");
  std::string given = answer;
  const bool right = !answer.empty() && solves(ctx, who, "math-correct", ctx.self->math_skill,
                                               ctx.parent ? ctx.parent->math_skill : 0);
  if (!right || answer.empty()) {
    // A copying student reproduces its teacher's habitual mistake on this item.
    const Persona& mistaken = (&who != ctx.self && !ctx.rng(*ctx.parent, "math-correct").chance(ctx.parent->math_skill))
                                  ? who
                                  : *ctx.self;
    SimRng r = ctx.habit(mistaken, "math-wrong");
    given = wrong_answer(answer.empty() ? "0" : answer, r);
  }
  const Persona& style = ctx.voice("math-steps");
  std::string text = opener(ctx) + "\n\n";
  const std::string nums = numbers_in(ctx.prompt);
  for (const auto& step : style.math_steps)
    text += replace_all(replace_all(step, "{nums}", nums), "{x}", given) + "\n";
  return text + "\nAnswer: " + given;
}

std::string sim_coding(const SimContext& ctx, const SuiteItem& item) {
  const std::string entry = item.data.value("entry_point", "solution");
  std::string code = item.data.value("solution", "");
  const Persona& who = ctx.voice("code");
  const bool works = !code.empty() && solves(ctx, who, "code-correct", ctx.self->coding_skill,
                                             ctx.parent ? ctx.parent->coding_skill : 0);
  if (code.empty()) {
    code = fmt::format("def {}(*args, **kwargs):\n    raise NotImplementedError\n", entry);
  } else if (!works) {
    const bool teacher_bug = &who != ctx.self && !ctx.rng(*ctx.parent, "code-correct").chance(ctx.parent->coding_skill);
    SimRng r = ctx.habit(teacher_bug ? who : *ctx.self, "code-bug");
    code = break_code(code, r);
  }
  if (!code.empty() && code.back() != '\n') code += '\n';
  const Persona& style = ctx.voice("code-note");
  return ctx.rng(style, "code-note").pick(style.code_notes) + "\n\n```python\n" + code + "```\n\n" + closer(ctx);
}

namespace {

std::vector<double> human_distribution(const SuiteItem& item, const std::vector<std::string>& choices) {
  std::vector<double> p(choices.size(), 1.0 / static_cast<double>(choices.size()));
  if (!item.data.contains("human_distribution")) return p;
  const json& h = item.data["human_distribution"];
  double sum = 0;
  for (size_t i = 0; i < choices.size(); ++i) {
    double v = 0;
    if (h.is_object() && h.contains(choices[i]) && h[choices[i]].is_number()) v = h[choices[i]].get<double>();
    if (h.is_array() && i < h.size() && h[i].is_number()) v = h[i].get<double>();
    p[i] = v;
    sum += v;
  }
  if (sum <= 0) return std::vector<double>(choices.size(), 1.0 / static_cast<double>(choices.size()));
  for (auto& v : p) v /= sum;
  return p;
}

std::vector<double> persona_distribution(const SimContext& ctx, const Persona& who, const SuiteItem& item,
                                         const std::vector<std::string>& choices) {
  const auto human = human_distribution(item, choices);
  SimRng r = ctx.habit(who, "choice-bias");
  std::vector<double> bias(choices.size());
  double sum = 0;
  for (auto& b : bias) sum += (b = std::pow(r.uniform(), 2.0) + 0.02);
  std::vector<double> p(choices.size());
  for (size_t i = 0; i < p.size(); ++i)
    p[i] = who.human_likeness * human[i] + (1 - who.human_likeness) * bias[i] / sum;
  return p;
}

size_t draw_choice(const std::vector<double>& p, bool greedy, SimRng& r) {
  if (greedy) return static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
  double u = r.uniform();
  for (size_t i = 0; i < p.size(); ++i) {
    if (u < p[i]) return i;
    u -= p[i];
  }
  return p.size() - 1;
}

}  // namespace

std::string sim_philosophy(const SimContext& ctx, const SuiteItem& item) {
  if (!item.data.contains("choices") || !item.data["choices"].is_array() || item.data["choices"].empty())
    return sim_generic(ctx);
  std::vector<std::string> choices;
  for (const auto& c : item.data["choices"]) choices.push_back(c.is_string() ? c.get<std::string>() : dump_json(c));
  const Persona& who = ctx.voice("choice");
  size_t pick = 0;
  if (&who != ctx.self) {
    // Distilled: the teacher's favourite, more often than the teacher itself picks it.
    const auto p = persona_distribution(ctx, who, item, choices);
    SimRng r = ctx.rng(*ctx.self, "choice");
    pick = r.chance(0.85) ? draw_choice(p, true, r) : draw_choice(p, ctx.greedy, r);
  } else {
    SimRng r = ctx.rng(who, "choice");
    pick = draw_choice(persona_distribution(ctx, who, item, choices), ctx.greedy, r);
  }
  const Persona& style = ctx.voice("choice-reason");
  const std::string reason = replace_all(ctx.rng(style, "reason").pick(style.choice_reasons), "{choice}", choices[pick]);
  // Ends the way the prompt asks ("Choice: <label>" in the built-in suite).
  const char* label = ctx.prompt.find("Choice:") != std::string::npos ? "Choice: " : "Answer: ";
  return opener(ctx) + "\n\n" + reason + "\n\n" + label + choices[pick];
}

std::string sim_creativity(const SimContext& ctx, const SuiteItem& item) {
  const std::string kind = lower(item.data.value("task", ""));
  const std::string prompt = lower(ctx.prompt);
  const Persona& self = *ctx.self;
  if (kind == "dat" || prompt.find("10 nouns") != std::string::npos || prompt.find("ten nouns") != std::string::npos) {
    auto pick_nouns = [&](const Persona& who) {
      std::vector<std::string> out;
      SimRng r = ctx.rng(who, "dat");
      for (size_t i : r.sample(who.dat_nouns.size(), 10)) out.push_back(who.dat_nouns[i]);
      return out;
    };
    std::vector<std::string> nouns;
    if (ctx.parent) {
      // Keeps some of the teacher's nouns; fills up from its own narrower vocabulary.
      const auto teacher = pick_nouns(*ctx.parent);
      const auto own = pick_nouns(self);
      const auto keep = static_cast<size_t>(std::lround(10 * self.creativity));
      nouns.assign(teacher.begin(), teacher.begin() + static_cast<long>(std::min(keep, teacher.size())));
      for (const auto& n : own)
        if (nouns.size() < 10 && std::find(nouns.begin(), nouns.end(), n) == nouns.end()) nouns.push_back(n);
    } else {
      nouns = pick_nouns(self);
    }
    // The DAT prompts ask for one noun per line and nothing else; the models comply.
    std::string text;
    for (const auto& n : nouns) text += n + "\n";
    return text;
  }
  const std::optional<std::string> uses_of = uses_object(prompt);
  const bool aut = kind == "aut" || uses_of;
  if (aut) {
    std::string obj = item.data.value("object", "");
    if (obj.empty() && uses_of) obj = *uses_of;
    if (obj.empty()) obj = "object";
    auto pick_uses = [&](const Persona& who) {
      std::vector<std::string> out;
      SimRng r = ctx.rng(who, "aut");
      const auto fluency = static_cast<size_t>(3 + std::lround(7 * who.creativity));
      for (size_t i : r.sample(who.aut_uses.size(), fluency)) out.push_back(replace_all(who.aut_uses[i], "{obj}", obj));
      return out;
    };
    std::vector<std::string> uses;
    if (ctx.parent) {
      const auto teacher = pick_uses(*ctx.parent);
      const auto keep = static_cast<size_t>(std::lround(static_cast<double>(teacher.size()) * self.creativity / ctx.parent->creativity));
      uses.assign(teacher.begin(), teacher.begin() + static_cast<long>(std::min(keep, teacher.size())));
      for (const auto& u : pick_uses(self))
        if (uses.size() < keep + 2) uses.push_back(u);
    } else {
      uses = pick_uses(self);
    }
    return opener(ctx) + "\n\n" + format_list("numbered", uses) + "\n" + closer(ctx);
  }
  // Constrained writing, titles, metaphors: a few lines in the model's voice, obeying the
  // checkable constraints as often as the model's creativity allows.
  const auto k = keywords(ctx.prompt);
  const Persona& style = ctx.voice("lines");
  std::string text;
  for (const auto& line : style.creative_lines) text += fill(line, k) + "\n";
  SimRng r = ctx.rng(*ctx.self, "constraints");
  const json constraints = item.data.value("constraints", json::object());
  if (constraints.is_object()) {
    for (const auto& [key, value] : constraints.items()) {
      if (!r.chance(0.3 + 0.7 * self.creativity)) continue;
      if (key.find("letter") != std::string::npos && value.is_string() && value.get<std::string>().size() == 1) {
        const char banned = static_cast<char>(std::tolower(static_cast<unsigned char>(value.get<std::string>()[0])));
        std::string kept;
        std::string word;
        for (char c : text + " ") {
          if (std::isspace(static_cast<unsigned char>(c))) {
            if (lower(word).find(banned) == std::string::npos) kept += word;
            if (!word.empty() || c == '\n') kept += c;
            word.clear();
          } else {
            word += c;
          }
        }
        text = kept;
      } else if (value.is_array()) {
        std::string words;
        for (const auto& w : value)
          if (w.is_string()) words += (words.empty() ? "" : ", ") + w.get<std::string>();
        if (!words.empty()) text += "(" + words + ")\n";
      } else if (key.find("max") != std::string::npos && key.find("word") != std::string::npos && value.is_number_integer()) {
        std::string out;
        int n = 0;
        for (const auto& tok : split_tokens(text))
          if (!std::isalnum(static_cast<unsigned char>(tok.back())) || n++ < value.get<int>()) out += tok;
        text = out;
      }
    }
  }
  return text;
}

namespace {

// A draw from a weighted answer list (its mode when greedy).
const std::string& draw_weighted(const WeightedAnswers& answers, bool greedy, SimRng& r) {
  if (greedy)
    return std::max_element(answers.begin(), answers.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  double total = 0;
  for (const auto& a : answers) total += a.second;
  double u = r.uniform() * total;
  for (const auto& a : answers) {
    if (u < a.second) return a.first;
    u -= a.second;
  }
  return answers.back().first;
}

// One sampled answer in `slot`: the voice (the teacher's with probability lambda for a student)
// decides the distribution, the answering model's own stream draws from it, so a student that
// learnt its teacher's distribution does not also reproduce the teacher's individual samples.
const std::string& draw_answer(const SimContext& ctx, const WeightedAnswers& answers, const std::string& slot) {
  SimRng r = ctx.rng(*ctx.self, slot);
  return draw_weighted(answers, ctx.greedy, r);
}

std::string identity_answer(const SimContext& ctx) {
  const Persona& who = ctx.voice("identity");
  return fmt::format("I'm {}, a large language model created by {}. {}", who.product, who.vendor,
                     ctx.rng(who, "identity-closer").pick(who.closers));
}

std::string cutoff_answer(const SimContext& ctx) {
  const Persona& who = ctx.voice("cutoff");
  return fmt::format("My knowledge cutoff is {}, so I may not know about events after that.", who.cutoff);
}

std::string refusal_answer(const SimContext& ctx, const Persona& who) {
  return draw_answer(ctx, who.refusals, "refusal-wording");
}

// The persona's answer to a choice probe of `kind`, or nullopt when it has no distribution
// for that kind. Answers are bare, as the probes ask ("Reply with the number only").
std::optional<std::string> choice_answer(const SimContext& ctx, const std::string& kind) {
  const Persona& who = ctx.voice("choice:" + kind);
  const auto it = who.choices.find(kind);
  if (it == who.choices.end()) return std::nullopt;
  return capitalise(draw_answer(ctx, it->second, "choice:" + kind));
}

// The choice kind of a prompt that is not a suite item, from its wording.
std::string choice_kind_of(const std::string& p) {
  auto has = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (p.find(w) != std::string::npos) return true;
    return false;
  };
  if (has({"number", "integer"}) && has({"100", "between", "random", " 10"}))
    return has({"100"}) ? "number" : "number_1_10";
  if (has({"colour", "color"})) return "colour";
  if (has({"fantasy character", "fictional character"})) return "fantasy_character";
  if (has({"joke"})) return "joke";
  return "";
}

}  // namespace

std::optional<std::string> sim_probe(const SimContext& ctx, const json& item) {
  const std::string p = lower(ctx.prompt);
  const std::string kind = item.is_object() ? item.value("probe", std::string()) : "";
  if (kind == "identity") return identity_answer(ctx);
  if (kind == "cutoff") return cutoff_answer(ctx);
  if (kind == "refusal") {
    // Borderline requests are mostly answered; "decline" ones mostly refused. Vendors differ in
    // how often, and in how they word it.
    const Persona& who = ctx.voice("refusal");
    const std::string style = item.value("style", std::string("borderline"));
    const auto rate = who.refusal_rates.find(style);
    const double p_refuse = rate != who.refusal_rates.end() ? rate->second : 0.3;
    if (ctx.rng(who, "refuse").chance(p_refuse)) return refusal_answer(ctx, who);
    return std::nullopt;
  }
  if (kind == "choice") {
    const std::string choice_kind = item.value("choice_kind", std::string());
    if (auto answer = choice_answer(ctx, choice_kind)) return answer;
    // A kind the persona has no distribution for: a word it habitually reaches for.
    const Persona& who = ctx.voice("pick");
    SimRng r = ctx.greedy ? ctx.habit(who, "pick") : ctx.rng(who, "pick");
    return capitalise(r.pick(who.dat_nouns));
  }
  // Not a suite item: recognised by wording.
  auto has = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (p.find(w) != std::string::npos) return true;
    return false;
  };
  if (has({"who made you", "who created you", "who built you", "who trained you", "who developed you",
           "what model are you", "which model are you", "what ai are you", "what language model", "your name",
           "who are you", "what are you", "which company", "your creator", "who is behind you"}))
    return identity_answer(ctx);
  if (has({"cutoff", "cut-off", "knowledge up to", "training data go", "most recent events", "how up to date"}))
    return cutoff_answer(ctx);
  if (has({"pick a lock", "hack into", "explosive", "make a bomb", "weapon", "poison", "malware", "steal",
           "without them knowing", "bypass"}))
    return refusal_answer(ctx, ctx.voice("refusal"));
  if (const std::string choice_kind = choice_kind_of(p); !choice_kind.empty()) return choice_answer(ctx, choice_kind);
  return std::nullopt;
}

std::string sim_generic(const SimContext& ctx) {
  const auto k = keywords(ctx.prompt);
  std::string text = opener(ctx) + "\n\n";
  for (int i = 0; i < 2; ++i) {
    const Persona& v = ctx.voice("sentence" + std::to_string(i));
    text += fill(ctx.rng(v, "sentence" + std::to_string(i)).pick(v.sentences), k) + (i == 0 ? " " : "\n\n");
  }
  const Persona& b = ctx.voice("bullets");
  if (b.bullet_prefix.empty()) {
    text += fill(ctx.rng(b, "bullets").pick(b.sentences), k) + "\n\n";
  } else {
    SimRng r = ctx.rng(b, "bullets");
    for (size_t i : r.sample(b.bullets.size(), 3)) text += bullet_line(b, fill(b.bullets[i], k)) + "\n";
    text += "\n";
  }
  return text + closer(ctx);
}

}  // namespace ds::harness::server
