#pragma once
// Stored fingerprint features: one row per (response, feature version), computed only for
// responses that have none (or whose text changed since), then loaded as a Corpus: every
// model's features aligned by prompt.
#include <cstdint>
#include <string>
#include <vector>

#include "results/store.hpp"
#include "scorers/lineage/corpus.hpp"
#include "results/layer.hpp"

namespace ds::results {

using scorers::lineage::Corpus;

struct CorpusOptions {
  bool first_texts = false;  // every first answer's full text (the exact n-gram ablation)
};

// Computes features for every stored answer lacking them (two threads), in one transaction.
// Returns how many were computed.
size_t ensure_features(Store& store);

// ensure_features, then loads every answer's features and scores.
Corpus load_corpus(Store& store, const CorpusOptions& options = {});

}  // namespace ds::results
