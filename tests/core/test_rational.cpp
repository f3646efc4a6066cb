#include <doctest/doctest.h>

#include <stdexcept>

#include "core/rational.hpp"

using ds::core::parse_exact_number;
using ds::core::parse_rational;
using ds::core::Rational;

TEST_CASE("rational keeps lowest terms with a positive denominator") {
  CHECK(Rational(6, -8).str() == "-3/4");
  CHECK(Rational(10, 5).str() == "2");
  CHECK(Rational(0, -7).str() == "0");
  CHECK((Rational(1, 2) + Rational(1, 3)).str() == "5/6");
  CHECK((Rational(1, 2) - Rational(3, 4)).str() == "-1/4");
  CHECK((Rational(2, 3) * Rational(9, 4)).str() == "3/2");
  CHECK((Rational(2, 3) / Rational(4, 9)).str() == "3/2");
  CHECK(Rational(1, 3) < Rational(1, 2));
  CHECK_THROWS_AS(Rational(1, 0), std::domain_error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
}

TEST_CASE("rational arithmetic refuses to overflow silently") {
  const Rational big(INT64_MAX / 2 + 1);
  CHECK_THROWS_AS(big + big, std::overflow_error);
  CHECK_THROWS_AS(big * Rational(3), std::overflow_error);
}

TEST_CASE("decimal form exists only for terminating expansions") {
  CHECK(Rational(5, 2).decimal_str() == "2.5");
  CHECK(Rational(-1, 8).decimal_str() == "-0.125");
  CHECK(Rational(2714, 100).decimal_str() == "27.14");
  CHECK(Rational(7).decimal_str() == "7");
  CHECK_FALSE(Rational(1, 3).decimal_str().has_value());
}

TEST_CASE("exact number parser accepts integers, fractions and decimals only") {
  CHECK(parse_exact_number("42") == Rational(42));
  CHECK(parse_exact_number("-3/4") == Rational(-3, 4));
  CHECK(parse_exact_number("6/8") == Rational(3, 4));
  CHECK(parse_exact_number("2.50") == Rational(5, 2));
  CHECK(parse_exact_number("+7") == Rational(7));
  CHECK(parse_exact_number("-0.125") == Rational(-1, 8));
  for (const char* bad : {"", "x", "1/0", "1.2.3", "3/4/5", " 3", "1e5", "1,000", "-", "2.", ".5", "1/-2",
                          "99999999999999999999"})
    CHECK_MESSAGE(!parse_exact_number(bad).has_value(), bad);
}

TEST_CASE("parse_rational reads the lenient forms of a model's answer, exactly") {
  CHECK(parse_rational("0.5") == parse_rational("1/2"));
  CHECK(parse_rational("2/4")->str() == "1/2");
  CHECK(parse_rational("-1.25")->str() == "-5/4");
  CHECK(parse_rational(".5")->str() == "1/2");
  CHECK_FALSE(parse_rational("abc"));
  CHECK(parse_rational("-1.5/2")->str() == "-3/4");
  CHECK(parse_rational("3/-6")->str() == "-1/2");
  CHECK(parse_rational("+7")->str() == "7");
  CHECK_FALSE(parse_rational("1/0"));
  CHECK_FALSE(parse_rational("1/2/3"));
  CHECK_FALSE(parse_rational("1e5"));
  CHECK_FALSE(parse_rational("99999999999999999999999"));  // beyond 64 bits: not a number we compare
}
