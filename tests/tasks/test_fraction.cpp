#include <doctest/doctest.h>

#include <stdexcept>

#include "tasks/fraction.hpp"

using ds::parse_exact_number;
using ds::Fraction;

TEST_CASE("rational keeps lowest terms with a positive denominator") {
  CHECK(Fraction(6, -8).str() == "-3/4");
  CHECK(Fraction(10, 5).str() == "2");
  CHECK(Fraction(0, -7).str() == "0");
  CHECK((Fraction(1, 2) + Fraction(1, 3)).str() == "5/6");
  CHECK((Fraction(1, 2) - Fraction(3, 4)).str() == "-1/4");
  CHECK((Fraction(2, 3) * Fraction(9, 4)).str() == "3/2");
  CHECK((Fraction(2, 3) / Fraction(4, 9)).str() == "3/2");
  CHECK(Fraction(1, 3) < Fraction(1, 2));
  CHECK_THROWS_AS(Fraction(1, 0), std::domain_error);
  CHECK_THROWS_AS(Fraction(1) / Fraction(0), std::domain_error);
}

TEST_CASE("rational arithmetic refuses to overflow silently") {
  const Fraction big(INT64_MAX / 2 + 1);
  CHECK_THROWS_AS(big + big, std::overflow_error);
  CHECK_THROWS_AS(big * Fraction(3), std::overflow_error);
}

TEST_CASE("decimal form exists only for terminating expansions") {
  CHECK(Fraction(5, 2).decimal_str() == "2.5");
  CHECK(Fraction(-1, 8).decimal_str() == "-0.125");
  CHECK(Fraction(2714, 100).decimal_str() == "27.14");
  CHECK(Fraction(7).decimal_str() == "7");
  CHECK_FALSE(Fraction(1, 3).decimal_str().has_value());
}

TEST_CASE("exact number parser accepts integers, fractions and decimals only") {
  CHECK(parse_exact_number("42") == Fraction(42));
  CHECK(parse_exact_number("-3/4") == Fraction(-3, 4));
  CHECK(parse_exact_number("6/8") == Fraction(3, 4));
  CHECK(parse_exact_number("2.50") == Fraction(5, 2));
  CHECK(parse_exact_number("+7") == Fraction(7));
  CHECK(parse_exact_number("-0.125") == Fraction(-1, 8));
  for (const char* bad : {"", "x", "1/0", "1.2.3", "3/4/5", " 3", "1e5", "1,000", "-", "2.", ".5", "1/-2",
                          "99999999999999999999"})
    CHECK_MESSAGE(!parse_exact_number(bad).has_value(), bad);
}
