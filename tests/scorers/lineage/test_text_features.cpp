#include <doctest/doctest.h>

#include <algorithm>

#include "scorers/lineage/text_features.hpp"

using namespace ds::scorers::lineage;

TEST_CASE("tokenize lower-cases words and splits punctuation") {
  const auto t = tokenize("Hello, World! It's 42.");
  const std::vector<std::string> want{"hello", ",", "world", "!", "it's", "42", "."};
  CHECK(t == want);
}

TEST_CASE("sketch jaccard: identical texts 1, disjoint 0, overlap in between") {
  const auto a = compute_features("The quick brown fox jumps over the lazy dog near the river bank.");
  const auto b = compute_features("The quick brown fox jumps over the lazy dog near the river bank.");
  const auto c = compute_features("Completely unrelated sentence about quantum chromodynamics today.");
  const auto d = compute_features("The quick brown fox jumps over a sleepy cat near the old mill.");
  CHECK(sketch_jaccard(a.word_sketch, b.word_sketch) == doctest::Approx(1.0));
  CHECK(sketch_jaccard(a.word_sketch, c.word_sketch) < 0.05);
  const double mid = sketch_jaccard(a.word_sketch, d.word_sketch);
  CHECK(mid > 0.1);
  CHECK(mid < 0.9);
  CHECK(sketch_jaccard(a.char_sketch, d.char_sketch) > sketch_jaccard(a.char_sketch, c.char_sketch));
}

TEST_CASE("sketches stay bounded for long texts") {
  std::string longtext;
  for (int i = 0; i < 2000; ++i) longtext += "word" + std::to_string(i) + " ";
  const auto f = compute_features(longtext);
  CHECK(f.word_sketch.size() == kSketchSize);
  CHECK(f.char_sketch.size() == kSketchSize);
  CHECK(compute_features("").word_sketch.empty());
  CHECK(sketch_jaccard(compute_features("").word_sketch, f.word_sketch) == 0.0);
  CHECK(f.words == 2000);
}

TEST_CASE("markdown skeleton markers are recorded") {
  const auto f = compute_features("# Title\n\n- one\n- two\n1. first\n**bold** text\n```\ncode\n```\n");
  auto has = [&](const char* m) {
    return std::binary_search(f.habits.begin(), f.habits.end(), habit_hash(m));
  };
  CHECK(has("md:header"));
  CHECK(has("md:bullet"));
  CHECK(has("md:numbered"));
  CHECK(has("md:bold"));
  CHECK(has("md:code"));
  CHECK_FALSE(has("md:table"));
  const auto plain = compute_features("Just a sentence.");
  CHECK_FALSE(std::binary_search(plain.habits.begin(), plain.habits.end(), habit_hash("md:header")));
}

TEST_CASE("identity claims: generic patterns, maker and name extracted from the text") {
  auto c1 = find_identity_claim("Hello! I am Zephyrus, a large language model trained by Acme Labs. How can I help?");
  REQUIRE(c1);
  CHECK(c1->name == "zephyrus");
  CHECK(c1->maker == "acme labs");
  auto c2 = find_identity_claim("I'm an AI assistant developed by Foobar.");
  REQUIRE(c2);
  CHECK(c2->maker == "foobar");
  CHECK(c2->name.empty());
  auto c3 = find_identity_claim("As an AI language model, I cannot browse the web.");
  CHECK_FALSE(c3);  // a disclaimer names no maker: it is a habit, not an identity claim
  CHECK_FALSE(find_identity_claim("I am going to the store by the river."));
  auto c4 = find_identity_claim("My name is Quill, an AI model made by Inkwell.");
  REQUIRE(c4);
  CHECK(c4->name == "quill");
  CHECK(c4->maker == "inkwell");
}

TEST_CASE("features survive their stored encoding") {
  const auto f = compute_features("Sure! Here are three tips:\n1. Sleep\n2. Eat\n3. Move");
  const auto g = decode_features(encode_features(f));
  CHECK(g.word_sketch == f.word_sketch);
  CHECK(g.char_sketch == f.char_sketch);
  CHECK(g.habits == f.habits);
  CHECK(g.words == f.words);
  CHECK_THROWS(decode_features(encode_features(f).substr(0, 10)));
}

TEST_CASE("identity claims are quoted whole: a version number does not end the sentence") {
  const auto c = find_identity_claim(
      "Good question. As an assistant, I am ChatGPT, a large language model trained by OpenAI, based on the "
      "GPT-3.5 architecture. Anything else?");
  REQUIRE(c);
  CHECK(c->quote ==
        "As an assistant, I am ChatGPT, a large language model trained by OpenAI, based on the GPT-3.5 architecture.");
}

TEST_CASE("markdown skeleton: one symbol per line, code skipped, flags on list items") {
  const auto s = skeleton_symbols(
      "## Steps\n\n1. **Mix**: stir well\n   - nested item\n* plain item\n```\nint x;\n```\n"
      "A short line.\nThis paragraph has quite a few more words than the short one does, for sure.\nNext:\n| a | b |");
  const std::vector<std::string> want{"h2",   "blank",        "ol.+bold+colon", "ul-+nest", "ul*",  "fence",
                                      "fence", "p:short",     "p:medium",       "colon-line", "table"};
  CHECK(s == want);
}

TEST_CASE("openers, closers and skeletons are small sets compared by Jaccard") {
  const auto a = compute_features("Certainly! Here is the plan.\n\n- step one\n- step two\n\nI hope this helps!");
  const auto b = compute_features("Certainly! Here is my plan.\n\n- first\n- second\n\nI hope this helps!");
  const auto c = compute_features("No.");
  CHECK(set_jaccard(a.opener, a.opener) == doctest::Approx(1.0));
  CHECK(set_jaccard(a.opener, b.opener) > set_jaccard(a.opener, c.opener));
  CHECK(set_jaccard(a.skeleton, b.skeleton) == doctest::Approx(1.0));
  CHECK(set_jaccard(a.closer, b.closer) > 0.3);
  const auto g = decode_features(encode_features(a));
  CHECK(g.opener == a.opener);
  CHECK(g.closer == a.closer);
  CHECK(g.skeleton == a.skeleton);
}
