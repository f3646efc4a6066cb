#include <doctest/doctest.h>

#include "scorers/creativity/dat.hpp"
#include "scorers/creativity/dat_human_scale.hpp"
#include "scorers/creativity/wordnet.hpp"

using namespace ds::scorers;

TEST_CASE("WordNet Wu-Palmer similarity matches the published value for cat/dog") {
  REQUIRE(wordnet_available());
  // NLTK: wn.synset('cat.n.01').wup_similarity(wn.synset('dog.n.01')) == 0.857
  CHECK(*wordnet_wup_similarity("cat", "dog") == doctest::Approx(6.0 / 7).epsilon(0.001));
  CHECK(*wordnet_wup_similarity("dog", "dog") == 1.0);
  CHECK_FALSE(wordnet_wup_similarity("dog", "qwzx"));
  CHECK(wordnet_noun("Mice") == "mouse");
  CHECK_FALSE(wordnet_noun("quickly"));
}

TEST_CASE("DAT parses list formats") {
  CHECK(dat_words("1. Cat\n2. **Volcano** - hot\n3) justice\n") ==
        std::vector<std::string>{"Cat", "Volcano", "justice"});
  CHECK(dat_words("Here are my words: cat, dog, tree, car, sock.") ==
        std::vector<std::string>{"cat", "dog", "tree", "car", "sock"});
  CHECK(dat_words("Sure!\n\nelephant, algebra, spoon, thunder, democracy\n\nHope that helps.") ==
        std::vector<std::string>{"elephant", "algebra", "spoon", "thunder", "democracy"});
}

TEST_CASE("DAT scores unrelated nouns above related ones") {
  const auto related =
      dat_score_words({"cat", "dog", "mouse", "horse", "cow", "sheep", "goat", "pig", "lion", "tiger"});
  const auto unrelated = dat_score_words(
      {"volcano", "justice", "spoon", "algebra", "sock", "thunder", "democracy", "x", "y", "z"});
  REQUIRE(related.score);
  REQUIRE(unrelated.score);
  MESSAGE("DAT related animals: " << *related.score << ", unrelated: " << *unrelated.score);
  CHECK(*related.score < 40);
  CHECK(*unrelated.score > 55);
  CHECK(related.valid.size() == 7);
}

TEST_CASE("DAT needs 7 valid distinct nouns") {
  const auto r = dat_score_words({"cat", "cats", "blorp", "run quickly", "dog", "tree", "car", "sock",
                                  "sun"});
  CHECK_FALSE(r.score);
  CHECK(r.duplicates == std::vector<std::string>{"cats"});
  CHECK(r.invalid == std::vector<std::string>{"blorp", "run quickly"});
  CHECK(r.valid.size() == 6);
}


TEST_CASE("a WordNet DAT is put on the published human scale through the paper's three examples") {
  const auto& scale = dat_human_scale();
  REQUIRE(scale);
  REQUIRE(scale->points.size() == 3);
  CHECK(scale->human_average == 78);
  CHECK(scale->source.find("Olson") != std::string::npos);
  // The examples land on their published scores; between them the mapping is monotone.
  CHECK(on_human_scale(*scale, scale->points[0].first) == doctest::Approx(50));
  CHECK(on_human_scale(*scale, scale->points[1].first) == doctest::Approx(78));
  CHECK(on_human_scale(*scale, scale->points[2].first) == doctest::Approx(95));
  const double related = on_human_scale(*scale, 18.0), unrelated = on_human_scale(*scale, 64.3);
  MESSAGE("WordNet examples " << scale->points[0].first << ", " << scale->points[1].first << ", "
                              << scale->points[2].first << "; cat..goat 18.0 -> " << related
                              << ", volcano..democracy 64.3 -> " << unrelated);
  CHECK(related < 50);
  CHECK(unrelated > 78);
  CHECK(on_human_scale(*scale, 0) >= 0);
  CHECK(on_human_scale(*scale, 100) <= 100);
}
