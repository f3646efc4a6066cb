#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tasks/math_generator.hpp"
#include "core/rational.hpp"
#include "tasks/suite_validator.hpp"

using namespace ds::tasks;

namespace {

// Every signed integer in the text, in order (decimals like 3.28 become 3 and 28).
std::vector<int64_t> integers_in(const std::string& text) {
  std::vector<int64_t> out;
  static const std::regex number(R"(-?\d+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    out.push_back(std::stoll(it->str()));
  return out;
}

double as_double(const std::string& answer) {
  const auto r = parse_exact_number(answer);
  REQUIRE(r.has_value());
  return static_cast<double>(r->num()) / static_cast<double>(r->den());
}

// Coefficient before `var` in a term like "5x", "-x", "x".
double coefficient(const std::string& term) {
  if (term == "" || term == "+") return 1;
  if (term == "-") return -1;
  return std::stod(term);
}

// Recomputes the answer from the prompt's own numbers by a different method than the generator
// (brute-force enumeration, floating point, library gcd), so a slip in either shows up.
double recompute(const std::string& tpl, const std::string& prompt) {
  const std::string body = prompt.substr(0, prompt.find("\n\n"));
  const auto n = integers_in(body);
  std::smatch m;
  if (tpl == "linear_equation") {
    static const std::regex re(R"(Solve for x: (-?\d*)x ([+-]) (\d+) = (?:(-?\d*)x ([+-]) (\d+)|(-?\d+))\.)");
    REQUIRE(std::regex_search(body, m, re));
    const double a = coefficient(m[1]), b = (m[2] == "-" ? -1 : 1) * std::stod(m[3]);
    const double c = m[7].matched ? 0 : coefficient(m[4]);
    const double d = m[7].matched ? std::stod(m[7]) : (m[5] == "-" ? -1 : 1) * std::stod(m[6]);
    return (d - b) / (a - c);
  }
  if (tpl == "linear_system") {
    static const std::regex eq(R"((-?\d*)x ([+-]) (\d*)y = (-?\d+))");
    std::vector<std::array<double, 3>> rows;
    for (auto it = std::sregex_iterator(body.begin(), body.end(), eq); it != std::sregex_iterator(); ++it) {
      const auto& e = *it;
      const double q = (e[2] == "-" ? -1 : 1) * (e[3].str().empty() ? 1 : std::stod(e[3]));
      rows.push_back({coefficient(e[1]), q, std::stod(e[4])});
    }
    REQUIRE(rows.size() == 2);
    const double det = rows[0][0] * rows[1][1] - rows[0][1] * rows[1][0];
    const double x = (rows[0][2] * rows[1][1] - rows[0][1] * rows[1][2]) / det;
    const double y = (rows[0][0] * rows[1][2] - rows[0][2] * rows[1][0]) / det;
    return x + y;
  }
  if (tpl == "work_rate") return 1.0 / (1.0 / n[0] + 1.0 / n[1]);
  if (tpl == "mixture") return (n[0] * n[1] + n[2] * n[3]) / double(n[0] + n[2]);
  if (tpl == "change_due") {
    // "{name} buys N1 loaves at $D.CC each and N2 jars ... at $D.CC each, paying with $NOTE"
    const int64_t cost = n[0] * (n[1] * 100 + n[2]) + n[3] * (n[4] * 100 + n[5]);
    return (n[6] * 100 - cost) / 100.0;
  }
  if (tpl == "gcd_or_lcm")
    return body.find("greatest") != std::string::npos ? std::gcd(n[0], n[1]) : std::lcm(n[0], n[1]);
  if (tpl == "power_remainder") {
    int64_t result = 1, base = n[0] % n[2], e = n[1];
    while (e) {
      if (e & 1) result = result * base % n[2];
      base = base * base % n[2];
      e >>= 1;
    }
    return double(result);
  }
  if (tpl == "committee" || tpl == "lattice_paths") {
    const int64_t total = tpl == "committee" ? n[0] : n[2] + n[3];
    const int64_t k = tpl == "committee" ? n[1] : n[2];
    std::vector<std::vector<double>> pascal(total + 1);
    for (int64_t i = 0; i <= total; ++i) {
      pascal[i].assign(i + 1, 1);
      for (int64_t j = 1; j < i; ++j) pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
    }
    return pascal[total][k];
  }
  if (tpl == "dice_sum") {
    int hits = 0;
    for (int i = 1; i <= n[0]; ++i)
      for (int j = 1; j <= n[0]; ++j) hits += (i + j == n[3]);
    return double(hits) / double(n[0] * n[0]);
  }
  if (tpl == "same_colour") {
    std::vector<int> socks(n[0], 0);
    socks.insert(socks.end(), n[1], 1);
    int same = 0, pairs = 0;
    for (size_t i = 0; i < socks.size(); ++i)
      for (size_t j = 0; j < socks.size(); ++j)
        if (i != j) {
          ++pairs;
          same += socks[i] == socks[j];
        }
    return double(same) / pairs;
  }
  if (tpl == "at_least_heads") {
    int favourable = 0;
    for (int mask = 0; mask < (1 << n[0]); ++mask) favourable += __builtin_popcount(mask) >= n[1];
    return double(favourable) / (1 << n[0]);
  }
  if (tpl == "arithmetic_series") {
    double sum = 0;
    for (int64_t i = 0; i < n[3]; ++i) sum += n[0] + i * (n[1] - n[0]);
    return sum;
  }
  FAIL("no independent check for template " << tpl);
  return 0;
}

}  // namespace

TEST_CASE("generated math answers agree with an independent recomputation") {
  std::set<std::string> templates;
  for (uint64_t seed : {1ULL, 2ULL, 99ULL, 123456789ULL}) {
    const Suite suite = generate_math_suite(seed, 130);
    for (const auto& item : suite.items) {
      const std::string tpl = item.data["template"];
      const std::string answer = item.data["answer"];
      templates.insert(tpl);
      INFO(item.id << " " << item.messages[0].content << " answer " << answer);
      CHECK(as_double(answer) == doctest::Approx(recompute(tpl, item.messages[0].content)).epsilon(1e-12));
      // Fractions are in lowest terms, as the prompt demands.
      if (answer.find('.') == std::string::npos) CHECK(parse_exact_number(answer)->str() == answer);
    }
  }
  CHECK(templates.size() == 13);
}

TEST_CASE("the generator is deterministic per seed and differs between seeds") {
  const Suite a = generate_math_suite(42, 60), b = generate_math_suite(42, 60), c = generate_math_suite(43, 60);
  REQUIRE(a.items.size() == 60);
  CHECK(a.sha256 == b.sha256);
  CHECK(a.sha256 != c.sha256);
  for (size_t i = 0; i < a.items.size(); ++i) CHECK(a.items[i].data == b.items[i].data);
  size_t same_prompt = 0;
  for (size_t i = 0; i < a.items.size(); ++i)
    same_prompt += a.items[i].messages[0].content == c.items[i].messages[0].content;
  CHECK(same_prompt < 5);
  // A longer suite starts with the shorter one.
  const Suite longer = generate_math_suite(42, 90);
  for (size_t i = 0; i < a.items.size(); ++i) CHECK(longer.items[i].data == a.items[i].data);
  CHECK(a.items[0].id == "math-gen-42-0001");
  CHECK(a.name == "math-generated");
}

TEST_CASE("generated items pass the math schema and have unique prompts") {
  const Suite suite = generate_math_suite(7, 300);
  std::set<std::string> prompts, ids;
  for (const auto& item : suite.items) {
    const auto problems = check_item_fields(item.data, "math-generated");
    CHECK_MESSAGE(problems.empty(), item.id);
    ids.insert(item.id);
    prompts.insert(item.messages[0].content);
  }
  CHECK(ids.size() == 300);
  CHECK(prompts.size() >= 295);
}
