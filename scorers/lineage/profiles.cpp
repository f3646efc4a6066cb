#include "scorers/lineage/profiles.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace ds::lineage {

Profiles build_profiles(const Corpus& c) {
  Profiles out;
  const size_t M = c.models.size();
  std::vector<std::unordered_map<uint32_t, uint32_t>> df(M);
  std::vector<uint32_t> answered(M, 0);
  for (size_t m = 0; m < M; ++m)
    for (const auto& cell : c.cells[m]) {
      if (cell.empty()) continue;
      ++answered[m];
      for (uint32_t h : cell.front().features.habits) ++df[m][h];
    }
  // Habits a model shows at least twice, shared by at least a quarter of the models: the
  // common currency of style rather than one answer's content.
  std::unordered_map<uint32_t, uint32_t> models_using;
  for (size_t m = 0; m < M; ++m)
    for (const auto& [h, n] : df[m])
      if (n >= 2) ++models_using[h];
  size_t active = 0;
  for (size_t m = 0; m < M; ++m) active += answered[m] > 0;
  const uint32_t min_models = static_cast<uint32_t>(std::max<size_t>(3, (active + 3) / 4));
  for (const auto& [h, n] : models_using)
    if (n >= min_models) out.features.push_back(h);
  std::sort(out.features.begin(), out.features.end());
  const long F = static_cast<long>(out.features.size());
  out.rows = Eigen::MatrixXf::Zero(static_cast<long>(M), F);
  if (F == 0 || active < 3) return out;
  std::vector<long> live;
  for (size_t m = 0; m < M; ++m) {
    if (answered[m] == 0) continue;
    live.push_back(static_cast<long>(m));
    for (long f = 0; f < F; ++f) {
      const auto it = df[m].find(out.features[static_cast<size_t>(f)]);
      const double count = it == df[m].end() ? 0.0 : it->second;
      out.rows(static_cast<long>(m), f) =
          static_cast<float>(std::log((count + 0.5) / (answered[m] + 1.0)));
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

}  // namespace ds::lineage
