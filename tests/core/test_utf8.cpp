#include <doctest/doctest.h>

#include "core/utf8.hpp"

using namespace ds::core;

TEST_CASE("invalid UTF-8 is replaced by U+FFFD, valid text is unchanged") {
  const std::string euro = "\xe2\x82\xac";
  CHECK(utf8_valid("plain ascii " + euro));
  CHECK(utf8_sanitize("a" + euro + "b") == "a" + euro + "b");
  CHECK_FALSE(utf8_valid("\xff"));
  CHECK(utf8_sanitize("a\xff" "b") == "a\xef\xbf\xbd" "b");
  CHECK(utf8_sanitize("\xe2\x82") == "\xef\xbf\xbd");             // truncated character: one U+FFFD
  CHECK(utf8_sanitize("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");  // overlong form
  CHECK(utf8_sanitize("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
  CHECK(utf8_valid(utf8_sanitize(std::string("\x80\xbf\xf5\xf8\xfe", 5))));
}

TEST_CASE("a cut at a byte count never splits a character") {
  const std::string text = std::string(199, 'x') + "\xe2\x82\xac" + "tail";  // the euro sign straddles 200
  CHECK(utf8_prefix(text, 200) == std::string(199, 'x'));
  CHECK(utf8_prefix(text, 202) == std::string(199, 'x') + "\xe2\x82\xac");
  CHECK(utf8_prefix("short", 200) == "short");
  for (size_t n = 0; n < text.size(); ++n) CHECK(utf8_valid(utf8_prefix(text, n)));
}

TEST_CASE("message excerpts are short and printable") {
  CHECK(excerpt_for_message(std::string(1000, '9'), 10) == "9999999999...");
  CHECK(excerpt_for_message("a\nb\x01") == "a?b?");
}
