#include "core/rational.hpp"

#include <charconv>
#include <numeric>
#include <stdexcept>

namespace ds::core {

namespace {

int64_t checked_mul(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("fraction overflow");
  return r;
}

int64_t checked_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("fraction overflow");
  return r;
}

std::optional<int64_t> parse_digits(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

Rational::Rational(int64_t num, int64_t den) {
  if (den == 0) throw std::domain_error("fraction with denominator 0");
  if (den < 0) {
    num = checked_mul(num, -1);
    den = checked_mul(den, -1);
  }
  const int64_t g = std::gcd(num, den);
  num_ = num / g;
  den_ = den / g;
}

Rational Rational::operator+(const Rational& o) const {
  const int64_t g = std::gcd(den_, o.den_);
  return {checked_add(checked_mul(num_, o.den_ / g), checked_mul(o.num_, den_ / g)),
          checked_mul(den_, o.den_ / g)};
}

Rational Rational::operator-(const Rational& o) const { return *this + Rational(checked_mul(o.num_, -1), o.den_); }

Rational Rational::operator*(const Rational& o) const {
  // Cross-reduce first so that products of already-reduced fractions rarely overflow.
  const int64_t g1 = std::gcd(num_, o.den_);
  const int64_t g2 = std::gcd(o.num_, den_);
  return {checked_mul(num_ / (g1 ? g1 : 1), o.num_ / (g2 ? g2 : 1)),
          checked_mul(den_ / (g2 ? g2 : 1), o.den_ / (g1 ? g1 : 1))};
}

Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw std::domain_error("division by zero");
  return *this * Rational(o.den_, o.num_);
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
  return static_cast<__int128>(num_) * o.den_ <=> static_cast<__int128>(o.num_) * den_;
}

std::string Rational::str() const {
  return is_integer() ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_);
}

std::optional<std::string> Rational::decimal_str() const {
  int64_t d = den_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  if (d != 1) return std::nullopt;
  const bool negative = num_ < 0;
  const uint64_t n = negative ? static_cast<uint64_t>(-(num_ + 1)) + 1 : static_cast<uint64_t>(num_);
  const auto den = static_cast<uint64_t>(den_);
  std::string out = (negative ? "-" : "") + std::to_string(n / den);
  uint64_t rest = n % den;
  if (rest) out += '.';
  while (rest) {
    rest *= 10;  // den divides a power of ten, so this terminates within 64 digits
    out += static_cast<char>('0' + rest / den);
    rest %= den;
  }
  return out;
}

std::optional<Rational> parse_exact_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  try {
    std::optional<Rational> value;
    if (const auto slash = text.find('/'); slash != std::string_view::npos) {
      const auto num = text.substr(0, slash), den = text.substr(slash + 1);
      if (!all_digits(num) || !all_digits(den)) return std::nullopt;
      const auto n = parse_digits(num), d = parse_digits(den);
      if (!n || !d || *d == 0) return std::nullopt;
      value = Rational(*n, *d);
    } else if (const auto dot = text.find('.'); dot != std::string_view::npos) {
      const auto whole = text.substr(0, dot), frac = text.substr(dot + 1);
      if (!all_digits(whole) || !all_digits(frac) || frac.size() > 18) return std::nullopt;
      const auto w = parse_digits(whole), f = parse_digits(frac);
      if (!w || !f) return std::nullopt;
      int64_t scale = 1;
      for (size_t i = 0; i < frac.size(); ++i) scale = checked_mul(scale, 10);
      value = Rational(*w) + Rational(*f, scale);
    } else {
      if (!all_digits(text)) return std::nullopt;
      const auto n = parse_digits(text);
      if (!n) return std::nullopt;
      value = Rational(*n);
    }
    return negative ? Rational(0) - *value : *value;
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
}

namespace {

// One side of a lenient fraction: a sign, then digits with at most one point (".5" allowed).
std::optional<Rational> parse_lenient_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::string digits(text);
  if (!digits.empty() && digits[0] == '.') digits.insert(digits.begin(), '0');
  if (!digits.empty() && digits.back() == '.') digits.pop_back();
  const auto value = parse_exact_number(digits);
  if (!value || digits.find('/') != std::string::npos) return std::nullopt;
  return negative ? Rational(0) - *value : *value;
}

}  // namespace

std::optional<Rational> parse_rational(std::string_view text) {
  try {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return parse_lenient_decimal(text);
    const auto a = parse_lenient_decimal(text.substr(0, slash));
    const auto b = parse_lenient_decimal(text.substr(slash + 1));
    if (!a || !b || b->num() == 0) return std::nullopt;
    return *a / *b;
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
}

}  // namespace ds::core
