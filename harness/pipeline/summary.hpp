#pragma once
// The run summary: every suite score per model with a bootstrap 95% interval over items, the
// humanity profile (math, coding, creativity, philosophy) and its gap index. Typed: gates,
// reports and the printed table read it; none of them parses JSON.
#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/bootstrap.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// A mean over items with its percentile bootstrap interval; no value when nothing was scored,
// nor when fewer than half the items asked were scored (`insufficient`): a mean over the few
// items a scorer could read says little about the suite, so it is not shown as a number.
struct ScoreEstimate {
  std::optional<Interval> interval;  // mean, low, high
  size_t items = 0;                  // items with at least one scored sample
  size_t asked = 0;                  // items with at least one answer
  bool insufficient = false;         // some items scored, but fewer than half of those asked
  bool scored() const { return interval.has_value(); }
};

struct SuiteSummary {
  ScoreEstimate score;
  size_t responses = 0;  // answered responses
  size_t unscored = 0;   // answered responses without a score
  std::map<std::string, size_t> unscored_reasons;  // the scorers' stated reasons → answers
  std::map<int, double> pass_at_k;  // coding: k → unbiased pass@k
  std::map<std::string, ScoreEstimate> by_task;  // creativity: per task kind
  std::optional<ScoreEstimate> distinct_2, pairwise_similarity;  // creativity: diversity
  // creativity: the DAT of complete answers on the published human scale (0..100; the paper's
  // average example scores 78), see scorers/creativity/dat_human_scale.hpp
  std::optional<ScoreEstimate> dat_human_scale;
};

// The four dimensions of the humanity profile, in the order the gap index reads them.
inline const std::array<std::string, 4> kProfileDimensions = {"math", "coding", "creativity",
                                                              "philosophy"};

struct ModelSummary {
  bool simulated = false;
  std::map<std::string, SuiteSummary> suites;
  std::optional<Interval> gap_index;  // value in `mean`; absent without all four dimensions
  const SuiteSummary* suite(const std::string& name) const;
};

// How a profile dimension is put on a common scale across models (see summary.cpp).
struct DimensionScale {
  size_t models = 0;
  bool scaled = false;  // false: fewer than two models or no spread; raw scores used
  double centre = 0;
  double scale = 1;
};

struct Summary {
  std::map<std::string, ModelSummary> models;
  std::map<std::string, DimensionScale> normalisation;  // per profile dimension
};

Summary summarise_store(Store& store);

}  // namespace ds::harness
