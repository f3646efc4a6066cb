#pragma once
// All models against all: each model in turn is the reference for every other, giving the
// pairwise similarity matrix and, per model, the closest model (the most similar answers; its
// test's p Holm-corrected across the others; "parent" in the JSON, though similarity has no
// direction).
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/json.hpp"
#include "core/progress_fn.hpp"
#include "scorers/lineage/detector.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct ParentGuess {
  std::string model;
  std::string parent;  // "" when the model has no possible parent
  double score = 0, p_value = 1, p_adjusted = 1;
  std::string verdict;  // related | not detected | insufficient evidence (no direction)
};

struct LineageMatrix {
  std::vector<std::string> models;
  std::vector<std::vector<double>> similarity;  // mean per-prompt answer similarity, symmetric
  std::vector<std::vector<double>> score;       // score[c][r]: detect score of c against r
  std::vector<std::vector<std::string>> verdict;  // verdict[c][r]: detect verdict of c against r
  std::vector<ParentGuess> parents;
  std::string method;
};

// `progress` hears "references" done of the models (each one the reference in turn).
LineageMatrix lineage_matrix(Detector& detector, unsigned threads = 2, const ProgressFn& progress = {});
json lineage_to_json(const LineageMatrix& m);
std::string lineage_table(const LineageMatrix& m);

}  // namespace ds::scorers::lineage
