#pragma once
// Diversity of one model's samples for one item: distinct-n (unique n-grams / all n-grams
// over the samples, Li et al. 2016) and the mean pairwise Jaccard similarity of the samples'
// word-bigram sets (1 = every sample identical).
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

double distinct_n(const std::vector<std::string>& samples, int n);
double mean_pairwise_bigram_jaccard(const std::vector<std::string>& samples);

// {"samples", "distinct_1", "distinct_2", "mean_pairwise_similarity"}; needs ≥ 2 samples
// for the similarity (null otherwise).
json diversity_summary(const std::vector<std::string>& samples);

}  // namespace ds::scorers
