#include "tasks/math_generator.hpp"

#include <fmt/format.h>

#include <array>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/sha256.hpp"
#include "core/rational.hpp"
#include "tasks/layer.hpp"

namespace ds::tasks {

namespace {

// SplitMix64 rather than <random> distributions, whose output differs between standard
// libraries: a seed must give the same items everywhere.
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : stream_(seed) {}
  uint64_t next() { return stream_.next(); }
  // Uniform-enough integer in [lo, hi]; the modulo bias is irrelevant for picking numbers.
  int64_t between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  template <typename T>
  const T& pick(const std::vector<T>& options) {
    return options[next() % options.size()];
  }

 private:
  SplitMix64 stream_;
};

enum class AnswerForm { kExact, kDecimal };

struct Draft {
  std::string topic;
  std::string body;
  Rational answer;
  AnswerForm form = AnswerForm::kExact;
};

const std::vector<std::string> kNames = {"Adaeze", "Bjorn", "Catalina", "Dev",   "Elif",
                                         "Fenna",  "Goran", "Hana",     "Ilya",  "Jade",
                                         "Kofi",   "Leila", "Mateo",    "Nadia", "Oskar"};

std::string signed_term(int64_t value) {
  return value < 0 ? fmt::format("- {}", -value) : fmt::format("+ {}", value);
}

std::string coefficient(int64_t value, const char* var) {
  if (value == 1) return var;
  if (value == -1) return std::string("-") + var;
  return fmt::format("{}{}", value, var);
}

int64_t binomial(int64_t n, int64_t k) {
  Rational r(1);
  for (int64_t i = 1; i <= k; ++i) r = r * Rational(n - k + i, i);
  return r.num();
}

Draft linear_equation(SeededRandom& rng) {
  const int64_t a = rng.between(2, 13);
  int64_t c = rng.between(-9, 9);
  if (c == a) c = -c - 1;
  const int64_t b = rng.between(-40, 40), d = rng.between(-40, 40);
  const std::string right = c == 0 ? std::to_string(d) : coefficient(c, "x") + " " + signed_term(d);
  return {"algebra", fmt::format("Solve for x: {} {} = {}.", coefficient(a, "x"), signed_term(b), right),
          Rational(d - b, a - c)};
}

Draft linear_system(SeededRandom& rng) {
  const int64_t x = rng.between(-9, 9), y = rng.between(-9, 9);
  int64_t a, b, c, d;
  do {
    a = rng.between(-7, 7), b = rng.between(-7, 7), c = rng.between(-7, 7), d = rng.between(-7, 7);
  } while (a * d - b * c == 0 || a == 0 || b == 0 || c == 0 || d == 0);
  const auto eq = [](int64_t p, int64_t q, int64_t r) {
    return fmt::format("{} {} {}y = {}", coefficient(p, "x"), q < 0 ? "-" : "+",
                       (q == 1 || q == -1) ? "" : std::to_string(q < 0 ? -q : q), r);
  };
  return {"algebra",
          fmt::format("The numbers x and y satisfy {} and {}. What is x + y?", eq(a, b, a * x + b * y),
                      eq(c, d, c * x + d * y)),
          Rational(x + y)};
}

Draft work_rate(SeededRandom& rng) {
  const std::vector<int64_t> hours = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15};
  const int64_t h1 = rng.pick(hours);
  int64_t h2 = rng.pick(hours);
  if (h2 == h1) h2 = h1 + 1;
  const std::string& a = rng.pick(kNames);
  std::string b = rng.pick(kNames);
  if (b == a) b = "their neighbour";
  const std::vector<std::string> jobs = {"repaint a boat", "pick a row of apple trees",
                                         "assemble a bookcase", "clean a gallery"};
  return {"word_problem",
          fmt::format("Alone, {} can {} in {} hours, and {} can do it in {} hours. Working together "
                      "at these constant rates, how many hours do they take?",
                      a, rng.pick(jobs), h1, b, h2),
          Rational(1) / (Rational(1, h1) + Rational(1, h2))};
}

Draft mixture(SeededRandom& rng) {
  const int64_t l1 = rng.between(1, 12), l2 = rng.between(1, 12);
  const std::vector<int64_t> percents = {4, 8, 10, 15, 20, 25, 35, 40, 60};
  const int64_t p1 = rng.pick(percents);
  int64_t p2 = rng.pick(percents);
  if (p2 == p1) p2 = p1 + 30;
  const auto litres = [](int64_t n) { return n == 1 ? "litre" : "litres"; };
  return {"word_problem",
          fmt::format("A beaker holds {} {} of {}% vinegar solution. {} {} of {}% vinegar "
                      "solution are added. What is the vinegar concentration of the result, in percent?",
                      l1, litres(l1), p1, l2, litres(l2), p2),
          Rational(l1 * p1 + l2 * p2, l1 + l2)};
}

Draft change_due(SeededRandom& rng) {
  const int64_t n1 = rng.between(2, 8), n2 = rng.between(2, 6);
  const int64_t c1 = rng.between(20, 450), c2 = rng.between(15, 300);
  const int64_t total = n1 * c1 + n2 * c2;
  int64_t note = 1000;
  while (note <= total) note *= 2;
  const auto money = [](int64_t cents) { return fmt::format("{}.{:02d}", cents / 100, cents % 100); };
  return {"word_problem",
          fmt::format("{} buys {} loaves at ${} each and {} jars of honey at ${} each, paying with "
                      "${} in notes. How many dollars of change are due?",
                      rng.pick(kNames), n1, money(c1), n2, money(c2), note / 100),
          Rational(note - total, 100), AnswerForm::kDecimal};
}

Draft gcd_or_lcm(SeededRandom& rng) {
  const int64_t g = rng.between(2, 16);
  int64_t m, n;
  do {
    m = rng.between(2, 31), n = rng.between(2, 31);
  } while (m == n || Rational(m, n).num() != m);  // coprime: m/n already in lowest terms
  if (rng.next() % 2)
    return {"number_theory",
            fmt::format("What is the greatest common divisor of {} and {}?", g * m, g * n), Rational(g)};
  return {"number_theory", fmt::format("What is the least common multiple of {} and {}?", g * m, g * n),
          Rational(g * m * n)};
}

Draft power_remainder(SeededRandom& rng) {
  const int64_t base = rng.between(2, 23), exponent = rng.between(15, 500);
  const std::vector<int64_t> moduli = {7, 9, 11, 12, 13, 17, 19, 100};
  const int64_t mod = rng.pick(moduli);
  int64_t result = 1;
  for (int64_t i = 0; i < exponent; ++i) result = result * base % mod;
  return {"number_theory",
          fmt::format("What is the remainder when {}^{} is divided by {}?", base, exponent, mod),
          Rational(result)};
}

Draft committee(SeededRandom& rng) {
  const int64_t n = rng.between(7, 18), k = rng.between(2, 6);
  const std::vector<std::string> groups = {"orchestra", "hiking club", "jury pool", "debate team"};
  return {"combinatorics",
          fmt::format("A {} has {} members. In how many ways can a group of {} of them be chosen to "
                      "travel to a competition?",
                      rng.pick(groups), n, k),
          Rational(binomial(n, k))};
}

Draft lattice_paths(SeededRandom& rng) {
  const int64_t a = rng.between(2, 9), b = rng.between(2, 9);
  return {"combinatorics",
          fmt::format("A robot moves on a grid from (0, 0) to ({}, {}), each step one unit right or "
                      "one unit up. How many different routes can it take?",
                      a, b),
          Rational(binomial(a + b, a))};
}

Draft dice_sum(SeededRandom& rng) {
  const std::vector<int64_t> sides = {4, 6, 8, 10, 12};
  const int64_t f = rng.pick(sides);
  const int64_t target = rng.between(2, 2 * f);
  int64_t hits = 0;
  for (int64_t i = 1; i <= f; ++i)
    for (int64_t j = 1; j <= f; ++j) hits += (i + j == target);
  return {"probability",
          fmt::format("Two fair dice with {} faces each (numbered 1 to {}) are thrown. What is the "
                      "probability that the total is {}?",
                      f, f, target),
          Rational(hits, f * f)};
}

Draft same_colour(SeededRandom& rng) {
  const int64_t g = rng.between(2, 10), y = rng.between(2, 10), total = g + y;
  return {"probability",
          fmt::format("A drawer contains {} green socks and {} yellow socks. Two socks are taken at "
                      "random without replacement. What is the probability that they are the same colour?",
                      g, y),
          Rational(g, total) * Rational(g - 1, total - 1) + Rational(y, total) * Rational(y - 1, total - 1)};
}

Draft at_least_heads(SeededRandom& rng) {
  const int64_t n = rng.between(3, 12), k = rng.between(1, n);
  int64_t favourable = 0;
  for (int64_t j = k; j <= n; ++j) favourable += binomial(n, j);
  return {"probability",
          fmt::format("A fair coin is flipped {} times. What is the probability of getting at least {} "
                      "heads?",
                      n, k),
          Rational(favourable, int64_t{1} << n)};
}

Draft arithmetic_series(SeededRandom& rng) {
  const int64_t first = rng.between(-25, 40);
  int64_t step = rng.between(-8, 11);
  if (step == 0) step = 3;
  const int64_t n = rng.between(6, 45);
  return {"algebra",
          fmt::format("The sequence {}, {}, {}, ... changes by the same amount each time. What is "
                      "the sum of its first {} terms?",
                      first, first + step, first + 2 * step, n),
          Rational(n) * (Rational(2 * first) + Rational((n - 1) * step)) / Rational(2)};
}

using Template = std::pair<const char*, Draft (*)(SeededRandom&)>;
const std::array<Template, 13> kTemplates = {{
    {"linear_equation", linear_equation},
    {"linear_system", linear_system},
    {"work_rate", work_rate},
    {"mixture", mixture},
    {"change_due", change_due},
    {"gcd_or_lcm", gcd_or_lcm},
    {"power_remainder", power_remainder},
    {"committee", committee},
    {"lattice_paths", lattice_paths},
    {"dice_sum", dice_sum},
    {"same_colour", same_colour},
    {"at_least_heads", at_least_heads},
    {"arithmetic_series", arithmetic_series},
}};

constexpr const char* kExactInstruction =
    "Give the final answer as an integer or a fraction in lowest terms (like 7/3). End your response "
    "with a line \"Answer: <value>\".";
constexpr const char* kDecimalInstruction =
    "Give the final answer as an exact decimal number (like 12.5). End your response with a line "
    "\"Answer: <value>\".";

}  // namespace

Suite generate_math_suite(uint64_t seed, size_t count) {
  Suite suite;
  suite.name = kGeneratedMathSuite;
  suite.version = kGeneratedMathVersion;
  suite.path = fmt::format("generator:{}?seed={}", kGeneratedMathSuite, seed);
  SeededRandom rng(seed);
  std::set<std::string> seen;
  std::string jsonl;
  for (size_t i = 0; i < count; ++i) {
    const Template& tpl = kTemplates[i % kTemplates.size()];
    Draft draft = tpl.second(rng);
    // A repeated prompt would weigh one question twice; redraw (bounded, then accept).
    for (int tries = 0; tries < 20 && seen.count(draft.body); ++tries) draft = tpl.second(rng);
    seen.insert(draft.body);
    std::string answer = draft.answer.str();
    if (draft.form == AnswerForm::kDecimal) answer = draft.answer.decimal_str().value_or(answer);
    json item = {
        {"id", fmt::format("math-gen-{}-{:04d}", seed, i + 1)},
        {"suite", kGeneratedMathSuite},
        {"kind", "math"},  // scored like the math suite (tasks/suite_kind.hpp)
        {"topic", draft.topic},
        {"template", tpl.first},
        {"prompt", draft.body + "\n\n" +
                       (draft.form == AnswerForm::kDecimal ? kDecimalInstruction : kExactInstruction)},
        {"answer", answer},
        {"seed", seed},
    };
    jsonl += item.dump() + "\n";
    suite.items.push_back(parse_suite_item(item, fmt::format("{}#{}", suite.path, i + 1)));
  }
  suite.sha256 = sha256_hex(jsonl);
  return suite;
}

}  // namespace ds::tasks
