#pragma once
// Every model's fingerprint features and scored answers, aligned by prompt: what the lineage
// detector works on. The results store builds it (results/lineage_features.hpp); the detector
// never opens the database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scorers/lineage/text_features.hpp"
#include "tasks/suite_kind.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

// A scorer's verdict on one response, for shared-error and choice evidence.
struct ScoredAnswer {
  std::string scorer;
  bool wrong = false;
  std::string extracted;  // the extracted final answer / chosen option / failing tests
};

struct ResponseEntry {
  int64_t response_id = 0;
  int sample = 0;
  TextFeatures features;
  std::vector<ScoredAnswer> scores;
  // The answer's text, loaded only where the model has >= 2 samples of the prompt (its first
  // kMmdMaxSamples samples, first kMmdMaxChars characters): the MMD test compares sample sets.
  std::string text;
};

constexpr size_t kMmdMaxSamples = 8;
constexpr int kMmdMaxChars = 2000;

struct Corpus {
  std::vector<std::string> models;   // sorted
  std::vector<std::string> prompts;  // "suite/item_id", sorted
  // cells[model][prompt]: that model's responses to that prompt (all samples).
  std::vector<std::vector<std::vector<ResponseEntry>>> cells;
  // expected[prompt]: the item's expected answer ("" when it has none), for quoting shared
  // wrong answers beside the right one.
  std::vector<std::string> expected;
  // first_texts[model][prompt]: the first answer's full text; empty unless loaded with
  // the first_texts option (only the exact n-gram ablation needs every text in memory).
  std::vector<std::vector<std::string>> first_texts;
  // kinds[prompt]: the suite kind of the prompt's item (tasks/suite_kind.hpp), when known.
  std::vector<std::optional<SuiteKind>> kinds;
  int model_index(const std::string& name) const;  // -1 when absent
  bool answered(int model) const;                  // has at least one answer
};

}  // namespace ds::scorers::lineage
