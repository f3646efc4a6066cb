#pragma once
// Exact rationals for comparing math answers: 0.5 == 1/2 == \frac{2}{4}.
#include <cstdint>
#include <optional>
#include <string>

namespace ds {

struct ExactValue {
  __int128 num = 0;
  __int128 den = 1;  // always > 0, gcd(num, den) == 1
  bool operator==(const ExactValue&) const = default;
  std::string str() const;  // "3/4", "-2", "0"
};

// Parses a plain number: integer, decimal ("-12.50", ".5"), or fraction of those ("3/4",
// "-1.5/2"). No separators, spaces or LaTeX (see normalize_math_answer). nullopt when the
// text is not such a number or does not fit in 128 bits.
std::optional<ExactValue> parse_rational(const std::string& text);

}  // namespace ds
