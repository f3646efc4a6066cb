#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "results/feature_pool.hpp"

using namespace ds::results;

TEST_CASE("the pool hands over each answer's features in order, skipped ones empty") {
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i)
    texts.push_back("Answer " + std::to_string(i) + ": I am Helper, an AI assistant created by Example Labs. " +
                    std::string(static_cast<size_t>(i % 7), '*') + "\n- a bullet " + std::to_string(i * i));
  std::vector<char> skip(texts.size(), 0);
  skip[3] = skip[150] = 1;
  FeaturePool pool({texts.begin(), texts.end()}, skip, 2);
  for (size_t i = 0; i < texts.size(); ++i) {
    const FeatureRow row = pool.take(i);
    if (skip[i]) {
      CHECK(row.blob.empty());
      CHECK_FALSE(row.claim);
      continue;
    }
    const FeatureRow expected = feature_row(texts[i]);
    CHECK(row.blob == expected.blob);
    REQUIRE(row.claim);
    CHECK(row.claim->maker == expected.claim->maker);
  }
}

TEST_CASE("a pool destroyed before every row is taken stops its workers") {
  std::vector<std::string> texts(2000, std::string(5000, 'x'));
  FeaturePool pool({texts.begin(), texts.end()}, {}, 2);
  CHECK(!pool.take(0).blob.empty());
}
