#pragma once
// Stored fingerprint features: one row per (response, feature version), computed only for
// responses that have none (or whose text changed since), then loaded as a Corpus: every
// model's features aligned by prompt.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/store.hpp"
#include "scorers/lineage/text_features.hpp"

namespace ds::lineage {

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
  int model_index(const std::string& name) const;  // -1 when absent
};

// Computes features for every stored answer lacking them (two threads), in one transaction.
// Returns how many were computed.
size_t ensure_features(Store& store);

// ensure_features, then loads every answer's features and scores.
Corpus load_corpus(Store& store);

}  // namespace ds::lineage
