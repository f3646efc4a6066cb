#pragma once
// Where two texts share phrases: every run of at least `min_words` consecutive words (compared
// case-insensitively, punctuation ignored) that occurs in both, as byte ranges in each text,
// so a report can mark them verbatim in both answers.
#include <string_view>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/layer.hpp"

namespace ds::results {

// Six words, as the detector's shared-phrase evidence: shorter runs are mostly stock phrases.
inline constexpr size_t kMinSharedWords = 6;

struct SharedSpans {
  std::vector<Span> in_a, in_b;  // sorted, non-overlapping
};

SharedSpans shared_spans(std::string_view a, std::string_view b, size_t min_words = kMinSharedWords);

// Total bytes covered by the spans.
size_t covered_bytes(const std::vector<Span>& spans);

}  // namespace ds::results
