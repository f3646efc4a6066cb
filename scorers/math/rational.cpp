#include "scorers/math/rational.hpp"

#include <cctype>

namespace ds {

namespace {

__int128 gcd128(__int128 a, __int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

std::string to_string128(__int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string digits;
  while (v != 0) {
    const int d = static_cast<int>(v % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
    v /= 10;
  }
  return negative ? "-" + digits : digits;
}

std::optional<ExactValue> make(__int128 num, __int128 den) {
  if (den == 0) return std::nullopt;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const __int128 g = gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return ExactValue{num, den};
}

// 30 digits keep every intermediate product inside 128 bits.
constexpr size_t kMaxDigits = 30;

std::optional<ExactValue> parse_decimal(const std::string& s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  __int128 num = 0, den = 1;
  size_t digits = 0;
  bool seen_point = false, any_digit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    any_digit = true;
    if (++digits > kMaxDigits) return std::nullopt;
    num = num * 10 + (c - '0');
    if (seen_point) den *= 10;
  }
  if (!any_digit) return std::nullopt;
  return make(negative ? -num : num, den);
}

}  // namespace

std::string ExactValue::str() const {
  return den == 1 ? to_string128(num) : to_string128(num) + "/" + to_string128(den);
}

std::optional<ExactValue> parse_rational(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return parse_decimal(text);
  const auto a = parse_decimal(text.substr(0, slash));
  const auto b = parse_decimal(text.substr(slash + 1));
  if (!a || !b || b->num == 0) return std::nullopt;
  return make(a->num * b->den, a->den * b->num);
}

}  // namespace ds
