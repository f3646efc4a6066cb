#include "scorers/lineage/corpus.hpp"

#include <algorithm>

namespace ds::scorers::lineage {

int Corpus::model_index(const std::string& name) const {
  const auto it = std::lower_bound(models.begin(), models.end(), name);
  return it != models.end() && *it == name ? static_cast<int>(it - models.begin()) : -1;
}

bool Corpus::answered(int model) const {
  if (model < 0 || static_cast<size_t>(model) >= cells.size()) return false;
  for (const auto& cell : cells[static_cast<size_t>(model)])
    if (!cell.empty()) return true;
  return false;
}

}  // namespace ds::scorers::lineage

