#pragma once
// Stored fingerprint features: one row per (response, feature version), computed only for
// responses that have none (or whose text changed since), then loaded as a Corpus: every
// model's features aligned by prompt.
#include <algorithm>
#include <cstdint>
#include <thread>
#include <string>
#include <vector>

#include "core/progress_fn.hpp"
#include "results/feature_pool.hpp"
#include "results/store.hpp"
#include "scorers/lineage/corpus.hpp"
#include "results/layer.hpp"

namespace ds::results {

using scorers::lineage::Corpus;

struct CorpusOptions {
  bool first_texts = false;  // every first answer's full text (the exact n-gram ablation)
  ProgressFn progress;       // feature computation, when any answer lacks features
};

// Threads computing features: both cores of the development machine, at most.
inline unsigned feature_threads() { return std::max(1u, std::min(2u, std::thread::hardware_concurrency())); }

// Computes features for every stored answer lacking them (two threads), in one transaction.
// Returns how many were computed. On a store opened read-only they are kept for this
// connection only (a TEMP table), and the store is not changed.
size_t ensure_features(Store& store, const ProgressFn& progress = {});

// Loads every answer's features and scores. A store opened for writing first stores the
// features it lacks (ensure_features); on a read-only store, missing or stale features are
// computed in memory on the feature threads and the store is not changed.
Corpus load_corpus(Store& store, const CorpusOptions& options = {});

}  // namespace ds::results
