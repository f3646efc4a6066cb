#include "scorers/math/math_scorer.hpp"

#include "core/utf8.hpp"
#include "scorers/math/math_answer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_math(const json& item_data, const std::string& response) {
  Score score;
  if (!item_data.contains("answer") || !item_data["answer"].is_string()) {
    score.details["unscored"] = "item has no string 'answer'";
    return score;
  }
  const std::string expected_text = item_data["answer"].get<std::string>();
  const auto expected = read_math_number(expected_text);
  const MathAnswer got = extract_math_answer(response);
  score.details["method"] = got.method;
  score.details["raw"] = utf8_prefix(got.raw, 200);  // never half a character
  score.details["expected"] = expected ? expected->str() : expected_text;
  if (!expected) {
    score.details["unscored"] = "item answer '" + expected_text + "' is not a number";
    return score;
  }
  score.extracted = got.value ? got.value->str() : "";
  score.value = got.value && *got.value == *expected ? 1.0 : 0.0;
  return score;
}

}  // namespace ds::scorers
