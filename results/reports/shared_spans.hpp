#pragma once
// Where two texts share phrases: every run of at least `min_words` consecutive tokens (the
// detector's tokens: words compared case-insensitively and single punctuation marks) that
// occurs in both, as byte ranges in each text, so a report can mark them verbatim in both
// answers. Linear in the texts' length (the viewer marks every answer it shows).
#include <string_view>
#include <vector>

#include "results/reports/report_data.hpp"
#include "scorers/lineage/passage_evidence.hpp"
#include "results/layer.hpp"

namespace ds::results {

// As long as the detector's shared passages: shorter runs are mostly stock phrases.
inline constexpr size_t kMinSharedWords = lineage::PassageFinder::kMinWords;

struct SharedSpans {
  std::vector<Span> in_a, in_b;  // sorted, non-overlapping
};

SharedSpans shared_spans(std::string_view a, std::string_view b, size_t min_words = kMinSharedWords);

// Total bytes covered by the spans.
size_t covered_bytes(const std::vector<Span>& spans);

}  // namespace ds::results
