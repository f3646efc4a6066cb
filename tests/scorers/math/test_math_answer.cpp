#include <doctest/doctest.h>

#include "scorers/math/math_answer.hpp"
#include "scorers/math/math_scorer.hpp"
#include "tasks/suite.hpp"
#include "core/json_bounded.hpp"

using namespace ds::scorers;

namespace {
std::string extracted(const std::string& response) {
  const auto a = extract_math_answer(response);
  return a.value ? a.value->str() : "<none>";
}
}  // namespace

TEST_CASE("final answer extraction handles the common formats") {
  CHECK(extracted("So we get \\boxed{\\frac{3}{4}}.") == "3/4");
  CHECK(extracted("Thus $\\boxed{\\dfrac{-29}{18}}$") == "-29/18");
  CHECK(extracted("\\boxed{x = {12}} and later 99") == "12");  // nested braces, last '='
  CHECK(extracted("The total is 5 + 7 = 12 apples.\nAnswer: $1,234.50") == "2469/2");
  CHECK(extracted("**Answer:** 27.14.") == "1357/50");
  CHECK(extracted("Step 1: 3 boxes.\nThe answer is -42 dollars.") == "-42");
  CHECK(extracted("so 10 − 14 gives\nAnswer: −4") == "-4");  // unicode minus
  CHECK(extracted("We compute 2*3 = 6\n12 / 2 = 6") == "6");
  CHECK(extracted("The result is 7 and then 9 remain") == "9");  // last number
  CHECK(extracted("Final answer:\n\n  3/8") == "3/8");
  CHECK(extracted("Answer: 45%") == "45");  // the number as written, see docs
  CHECK(extracted("Answer: 1{,}000") == "1000");
  CHECK(extracted("Answer: \\frac34") == "3/4");
  CHECK(extracted("I cannot solve this.") == "<none>");
  // A boxed answer wins over a later number in the commentary.
  CHECK(extracted("\\boxed{5}\nThis took 3 steps.") == "5");
  // "Answer:" without a number falls through to the later rules.
  CHECK(extracted("Answer: see below\nx = 17") == "17");
}

TEST_CASE("math scorer marks exact matches and stores the canonical answer") {
  const json item = {{"answer", "0.5"}};
  auto s = score_math(item, "Half of it: \\boxed{\\frac{1}{2}}");
  CHECK(s.value == 1.0);
  CHECK(s.extracted == "1/2");
  CHECK(s.details["method"] == "boxed");
  s = score_math(item, "Answer: 0.50");
  CHECK(s.value == 1.0);
  s = score_math(item, "Answer: 0.51");
  CHECK(s.value == 0.0);
  CHECK(s.extracted == "51/100");
  s = score_math(item, "no idea");
  CHECK(s.value == 0.0);
  CHECK(s.extracted == "");
  CHECK(score_math({{"answer", "1234"}}, "Answer: 1,234 widgets.").value == 1.0);
  CHECK(score_math({{"answer", "-18/13"}}, "= -18/13").value == 1.0);
  CHECK_FALSE(score_math(json::object(), "Answer: 1").value.has_value());
}

TEST_CASE("every answer of the built-in math suite is a number the scorer reads back") {
  for (const auto& item : load_suite("math").items) {
    CAPTURE(item.id);
    const std::string answer = item.data["answer"];
    CHECK(score_math(item.data, "Working...\nAnswer: " + answer).value == 1.0);
    CHECK(score_math(item.data, "\\boxed{" + answer + "}").value == 1.0);
  }
}

TEST_CASE("hostile answers are read in linear time, never overflow the stack") {
  // Each of these crashed std::regex (recursion per character) or took quadratic time.
  const std::string digits(30'000, '7');
  CHECK_FALSE(extract_math_answer("Answer: " + digits).value);  // too long for 128 bits
  CHECK_FALSE(extract_math_answer(digits + "." + digits).value);
  CHECK(extracted(std::string(100'000, ' ') + "Answer: 12") == "12");
  CHECK(extracted("12" + std::string(100'000, ' ')) == "12");
  CHECK(extracted("1 /" + std::string(100'000, ' ') + "x") == "1");
  CHECK(extracted(std::string(50'000, '-') + "5") == "-5");
  std::string fracs;
  for (int i = 0; i < 20'000; ++i) fracs += "\\frac{1}{2} $ ** ";
  CHECK(extracted(fracs) == "1/2");
  CHECK(extracted(std::string(20'000, '{') + "\\frac{3}{4}") == "3/4");  // unbalanced braces
  std::string nested;
  for (int i = 0; i < 5'000; ++i) nested += "\\frac{";
  nested += "1";
  for (int i = 0; i < 5'000; ++i) nested += "}{2}";
  CHECK_NOTHROW(extract_math_answer(nested));
  std::string answers;
  for (int i = 0; i < 30'000; ++i) answers += "answer answer is ";
  CHECK_NOTHROW(extract_math_answer(answers + "Answer: 3"));
}

TEST_CASE("nested and shorthand fractions read as before") {
  CHECK(extracted("\\boxed{\\frac{\\frac{1}{2}}{3}}") == "1/2");  // the first number of "1/2/3"
  CHECK(extracted("\\frac3{4}") == "3/4");
  CHECK(extracted("\\frac{3}4") == "3/4");
  CHECK(extracted("Answer: \\dfrac {5} {8}") == "5/8");
  CHECK(extracted("\\frac{}{2} so 7") == "7");  // an empty argument drops the fraction
  CHECK(extracted("1,2345") == "5");            // "1,234" then "5": the last number
  CHECK(extracted("Answer: - 12 / - 4") == "3");
}

TEST_CASE("the raw answer kept in the details is cut on a character boundary") {
  const std::string text = "Answer: 5 " + std::string(196, 'x') + "\xe2\x82\xac\xe2\x82\xac";
  const auto s = score_math({{"answer", "5"}}, text);
  const std::string raw = s.details["raw"];
  CHECK(raw.size() <= 200);
  CHECK(dump_json(s.details).find("\xef\xbf\xbd") == std::string::npos);
  CHECK(raw.back() == 'x');
}
