#pragma once
// Stored fingerprint features: one row per (response, feature version), computed only for
// responses that have none (or whose text changed since), then loaded as a Corpus: every
// model's features aligned by prompt.
#include <cstdint>
#include <string>
#include <vector>

#include "core/progress_fn.hpp"
#include "results/store.hpp"
#include "scorers/lineage/corpus.hpp"
#include "results/layer.hpp"

namespace ds::results {

using scorers::lineage::Corpus;

struct CorpusOptions {
  bool first_texts = false;  // every first answer's full text (the exact n-gram ablation)
  ProgressFn progress;       // feature computation, when any answer lacks features
};

// Computes features for every stored answer lacking them (two threads), in one transaction.
// Returns how many were computed. On a store opened read-only they are kept for this
// connection only (a TEMP table), and the store is not changed.
size_t ensure_features(Store& store, const ProgressFn& progress = {});

// ensure_features, then loads every answer's features and scores.
Corpus load_corpus(Store& store, const CorpusOptions& options = {});

}  // namespace ds::results
