#pragma once
// The DAT on its published human scale. Olson et al. (2021) score with GloVe distances; this
// harness scores with WordNet (dat.hpp), whose distances are compressed. The paper's three
// example answers (low 50, average 78, high 95; tasks/suites/dat_human_scale.json) are scored
// here with WordNet, and a WordNet DAT is mapped onto the published scale by piecewise-linear
// interpolation through them (linear beyond the ends, clamped to [0, 100]).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scorers/layer.hpp"

namespace ds::scorers {

struct DatHumanScale {
  std::vector<std::pair<double, double>> points;  // (WordNet DAT, published DAT), ascending
  double human_average = 0;                       // the published score of the average example
  std::string source;
};

// Read once from the suites directory; nullopt when the file or WordNet is missing, or when
// the examples do not score in the published order under WordNet (no honest mapping then).
const std::optional<DatHumanScale>& dat_human_scale();

// A WordNet DAT (0..100) on the published scale.
double on_human_scale(const DatHumanScale& scale, double wordnet_dat);

}  // namespace ds::scorers
