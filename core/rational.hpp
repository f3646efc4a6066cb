#pragma once
// The one exact rational type: the math generator computes answers with it, the validator
// proves every `answer` is an exact number with parse_exact_number, and the math scorer
// compares a model's answer with parse_rational (0.5 == 1/2 == 2/4).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ds::core {

// num/den in lowest terms with den > 0. Arithmetic throws std::overflow_error rather than wrap,
// so a generated answer is either exact or not produced at all.
class Rational {
 public:
  Rational(int64_t value = 0) : num_(value), den_(1) {}  // NOLINT: implicit from integers on purpose
  Rational(int64_t num, int64_t den);

  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  bool is_integer() const { return den_ == 1; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;
  bool operator==(const Rational& o) const = default;
  std::strong_ordering operator<=>(const Rational& o) const;

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
std::optional<Rational> parse_exact_number(std::string_view text);

// The lenient form a model's answer may take: an integer or decimal (".5", "-12.50", "+7") or
// a fraction of two of them ("3/4", "-1.5/2", "3/-6"). std::nullopt when the text is not such a
// number or does not fit in 64 bits.
std::optional<Rational> parse_rational(std::string_view text);

}  // namespace ds::core
