#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "scorers/lineage/clustering.hpp"

using namespace ds::scorers::lineage;

TEST_CASE("average linkage finds two families and keeps each contiguous in the order") {
  // 0,2,4 are one family, 1,3 another: within 0.1-0.2, across 0.9.
  const size_t n = 5;
  std::vector<std::vector<double>> d(n, std::vector<double>(n, 0.9));
  for (size_t i = 0; i < n; ++i) d[i][i] = 0;
  auto set = [&](size_t a, size_t b, double v) { d[a][b] = d[b][a] = v; };
  set(0, 2, 0.1);
  set(0, 4, 0.2);
  set(2, 4, 0.2);
  set(1, 3, 0.15);
  const Dendrogram t = average_linkage(d);
  REQUIRE(t.merges.size() == n - 1);
  REQUIRE(t.order.size() == n);
  CHECK(t.merges[0].left == 0);
  CHECK(t.merges[0].right == 2);
  CHECK(t.merges[0].height == doctest::Approx(0.1));
  // The root joins the families at their average distance.
  CHECK(t.merges.back().height == doctest::Approx(0.9));
  for (size_t k = 1; k < t.merges.size(); ++k) CHECK(t.merges[k].height >= t.merges[k - 1].height);
  auto pos = [&](size_t leaf) { return std::find(t.order.begin(), t.order.end(), leaf) - t.order.begin(); };
  CHECK(std::abs(pos(1) - pos(3)) == 1);
  std::vector<long> fam = {pos(0), pos(2), pos(4)};
  std::sort(fam.begin(), fam.end());
  CHECK(fam[2] - fam[0] == 2);
}

TEST_CASE("average linkage averages over members and treats unmeasured pairs as the farthest") {
  std::vector<std::vector<double>> d = {{0, 0.2, 0.6}, {0.2, 0, NAN}, {0.6, NAN, 0}};
  const Dendrogram t = average_linkage(d);
  REQUIRE(t.merges.size() == 2);
  CHECK(t.merges[0].height == doctest::Approx(0.2));
  CHECK(t.merges[1].height == doctest::Approx((0.6 + 0.6) / 2));
  CHECK(average_linkage({{0}}).order == std::vector<size_t>{0});
}
