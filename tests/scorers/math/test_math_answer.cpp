#include <doctest/doctest.h>

#include "scorers/math/math_answer.hpp"
#include "scorers/math/math_scorer.hpp"
#include "tasks/suite.hpp"

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
