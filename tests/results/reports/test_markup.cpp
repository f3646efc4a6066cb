#include <doctest/doctest.h>

#include "results/reports/html_data.hpp"
#include "results/reports/markup.hpp"

using namespace ds::results;

TEST_CASE("marked_html escapes the text and wraps each span in <mark>") {
  CHECK(marked_html("a <b> c d", {{2, 5}}) == "a <mark>&lt;b&gt;</mark> c d");
  CHECK(marked_html("x & y", {}) == "x &amp; y");
  CHECK(xml_escape(std::string("bell\x07")) == "bell\xEF\xBF\xBD");
}

TEST_CASE("excerpt_around keeps the first mark in view and moves the marks with it") {
  std::string text(3000, 'a');
  text.replace(2000, 6, "SHARED");
  std::vector<Span> marks = {{2000, 2006}};
  const std::string ex = excerpt_around(text, marks, 500);
  REQUIRE(marks.size() == 1);
  CHECK(ex.substr(marks[0].begin, marks[0].end - marks[0].begin) == "SHARED");
  CHECK(ex.size() < 520);
  std::vector<Span> none;
  CHECK(excerpt_around("short", none, 500) == "short");
}

TEST_CASE("marks are converted to UTF-16 offsets as JavaScript counts them") {
  const std::string text = "é😀 shared";  // é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units
  const auto marks = html::utf16_marks(text, {{7, 13}});
  REQUIRE(marks.size() == 2);
  CHECK(marks[0] == 4);
  CHECK(marks[1] == 10);
}
