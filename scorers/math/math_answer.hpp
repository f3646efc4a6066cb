#pragma once
// Final-answer extraction for math responses, and exact comparison as rationals.
#include <optional>
#include <string>

#include "core/rational.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

struct MathAnswer {
  std::string method;  // "boxed", "answer_line", "equals_at_end", "last_number" or "none"
  std::string raw;     // the text the answer was read from
  std::optional<Rational> value;
};

// Finds the final answer, trying in order: the last \boxed{...} (nested braces), the last
// "Answer: x" / "answer is x" / "final answer: x", "= x" on the last line, the last number
// in the text. Each step only counts when it yields a number.
MathAnswer extract_math_answer(const std::string& response);

// Reads the number from an answer fragment: strips $, \( \), **, \text{}, trailing units and
// periods; takes what follows the last '='; understands \frac{a}{b} / \dfrac / \tfrac, "a/b",
// thousands separators ("1,234" and "1{,}234"), unicode minus and a trailing '%' (the number
// as written: "45%" reads 45, see docs/scorers.md).
std::optional<Rational> read_math_number(const std::string& fragment);

}  // namespace ds::scorers
