#pragma once
// Exact rational numbers for math answers: the generator computes with them and the validator
// uses the parser to prove every `answer` is an exact integer, fraction or decimal.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ds {

// num/den in lowest terms with den > 0. Arithmetic throws std::overflow_error rather than wrap,
// so a generated answer is either exact or not produced at all.
class Fraction {
 public:
  Fraction(int64_t value = 0) : num_(value), den_(1) {}  // NOLINT: implicit from integers on purpose
  Fraction(int64_t num, int64_t den);

  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  bool is_integer() const { return den_ == 1; }

  Fraction operator+(const Fraction& o) const;
  Fraction operator-(const Fraction& o) const;
  Fraction operator*(const Fraction& o) const;
  Fraction operator/(const Fraction& o) const;
  bool operator==(const Fraction& o) const = default;
  std::strong_ordering operator<=>(const Fraction& o) const;

  // "7", "-3/4": the canonical form written in suite files.
  std::string str() const;
  // "2.5" when the decimal expansion terminates, else std::nullopt.
  std::optional<std::string> decimal_str() const;

 private:
  int64_t num_;
  int64_t den_;
};

// Parses "12", "-3/4", "2.50", "+7" (no spaces, no exponent, denominator > 0). std::nullopt when
// the text is not such a number.
std::optional<Fraction> parse_exact_number(std::string_view text);

}  // namespace ds
