#include "scorers/lineage/profiles.hpp"

#include <algorithm>
#include <cmath>
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

namespace {

// LSD radix sort of 32-bit keys (four 8-bit passes): the profiles sort ~50 million habit
// hashes per store, where std::sort was a third of `detect`'s time.
void radix_sort(std::vector<uint32_t>& v) {
  std::vector<uint32_t> tmp(v.size());
  for (int shift = 0; shift < 32; shift += 8) {
    size_t count[257] = {};
    for (uint32_t x : v) ++count[((x >> shift) & 0xff) + 1];
    for (size_t b = 1; b < 257; ++b) count[b] += count[b - 1];
    for (uint32_t x : v) tmp[count[(x >> shift) & 0xff]++] = x;
    v.swap(tmp);
  }
}

}  // namespace

Profiles build_profiles(const Corpus& c) {
  Profiles out;
  const size_t M = c.models.size();
  // Per model: (habit, number of answers showing it), sorted by habit. Sorting flat vectors
  // is several times faster than hash maps at 230 models x 805 answers.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> df(M);
  std::vector<uint32_t> answered(M, 0);
  std::vector<uint32_t> repeated;  // habits a model shows at least twice, one entry per model
  for (size_t m = 0; m < M; ++m) {
    std::vector<uint32_t> all;
    for (const auto& cell : c.cells[m]) {
      if (cell.empty()) continue;
      ++answered[m];
      const auto& h = cell.front().features.habits;
      all.insert(all.end(), h.begin(), h.end());
    }
    radix_sort(all);
    for (size_t i = 0; i < all.size();) {
      size_t j = i;
      while (j < all.size() && all[j] == all[i]) ++j;
      df[m].push_back({all[i], static_cast<uint32_t>(j - i)});
      if (j - i >= 2) repeated.push_back(all[i]);
      i = j;
    }
  }
  // Habits shown at least twice by at least a quarter of the models: the common currency of
  // style rather than one answer's content.
  size_t active = 0;
  for (size_t m = 0; m < M; ++m) active += answered[m] > 0;
  const size_t min_models = std::max<size_t>(3, (active + 3) / 4);
  radix_sort(repeated);
  for (size_t i = 0; i < repeated.size();) {
    size_t j = i;
    while (j < repeated.size() && repeated[j] == repeated[i]) ++j;
    if (j - i >= min_models) out.features.push_back(repeated[i]);
    i = j;
  }
  const long F = static_cast<long>(out.features.size());
  out.rows = Eigen::MatrixXf::Zero(static_cast<long>(M), F);
  if (F == 0 || active < 3) return out;
  std::vector<long> live;
  for (size_t m = 0; m < M; ++m) {
    if (answered[m] == 0) continue;
    live.push_back(static_cast<long>(m));
    const float floor = static_cast<float>(std::log(0.5 / (answered[m] + 1.0)));
    size_t k = 0;
    for (long f = 0; f < F; ++f) {
      const uint32_t h = out.features[static_cast<size_t>(f)];
      while (k < df[m].size() && df[m][k].first < h) ++k;
      const bool has = k < df[m].size() && df[m][k].first == h;
      out.rows(static_cast<long>(m), f) =
          has ? static_cast<float>(std::log((df[m][k].second + 0.5) / (answered[m] + 1.0))) : floor;
    }
  }
  Eigen::MatrixXf X(static_cast<long>(live.size()), F);
  for (size_t i = 0; i < live.size(); ++i) X.row(static_cast<long>(i)) = out.rows.row(live[i]);
  const Eigen::RowVectorXf mean = X.colwise().mean();
  X.rowwise() -= mean;
  for (size_t i = 0; i < live.size(); ++i) {
    const float n = X.row(static_cast<long>(i)).norm();
    out.rows.row(live[i]) = n > 0 ? Eigen::RowVectorXf(X.row(static_cast<long>(i)) / n)
                                  : Eigen::RowVectorXf::Zero(F);
  }
  return out;
}

}  // namespace ds::scorers::lineage
