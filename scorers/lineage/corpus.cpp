#include "scorers/lineage/corpus.hpp"

#include <algorithm>

namespace ds::scorers::lineage {

int Corpus::model_index(const std::string& name) const {
  const auto it = std::lower_bound(models.begin(), models.end(), name);
  return it != models.end() && *it == name ? static_cast<int>(it - models.begin()) : -1;
}

}  // namespace ds::scorers::lineage
