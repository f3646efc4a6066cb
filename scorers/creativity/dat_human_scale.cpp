#include "scorers/creativity/dat_human_scale.hpp"

#include <algorithm>
#include <filesystem>

#include "core/json.hpp"
#include "scorers/creativity/dat.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "tasks/suite.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

std::optional<DatHumanScale> load() {
  const std::string path = tasks::suites_dir() + "/dat_human_scale.json";
  if (!std::filesystem::exists(path) || !wordnet_available()) return std::nullopt;
  const json file = read_json_file(path);
  DatHumanScale scale;
  scale.human_average = file.value("human_average", 0.0);
  scale.source = file.value("source", std::string());
  for (const auto& example : file.value("examples", json::array())) {
    const DatResult r = dat_score_words(example.value("words", std::vector<std::string>()));
    if (!r.score) return std::nullopt;
    scale.points.emplace_back(*r.score, example.value("published", 0.0));
  }
  std::sort(scale.points.begin(), scale.points.end());
  for (size_t i = 1; i < scale.points.size(); ++i)
    if (scale.points[i].second <= scale.points[i - 1].second || scale.points[i].first <= scale.points[i - 1].first)
      return std::nullopt;
  if (scale.points.size() < 2) return std::nullopt;
  return scale;
}

}  // namespace

const std::optional<DatHumanScale>& dat_human_scale() {
  static const std::optional<DatHumanScale> scale = load();
  return scale;
}

double on_human_scale(const DatHumanScale& scale, double x) {
  const auto& p = scale.points;
  size_t i = 1;  // the segment [p[i-1], p[i]] used: the one containing x, or the nearest end one
  while (i + 1 < p.size() && x > p[i].first) ++i;
  const double slope = (p[i].second - p[i - 1].second) / (p[i].first - p[i - 1].first);
  return std::clamp(p[i - 1].second + slope * (x - p[i - 1].first), 0.0, 100.0);
}

}  // namespace ds::scorers
