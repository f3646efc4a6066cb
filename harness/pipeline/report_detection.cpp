// The detector's result as the report shows it: the result itself, untouched, plus the stored
// answers behind the evidence of the strongest candidates, shared phrases marked in both.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "harness/pipeline/report_parts.hpp"
#include "results/reports/detect_output.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/shared_spans.hpp"

namespace ds::harness {

namespace {

constexpr size_t kAlwaysQuoted = 5;  // the strongest candidates are quoted whatever their verdict
constexpr size_t kMaxQuoted = 25;    // and at most this many
constexpr size_t kQuotesPerCandidate = 4;
constexpr size_t kQuoteBytes = 1500;

// How many of the strongest candidates get their evidence quoted: every one the detector did
// not call "not detected" (up to kMaxQuoted), and at least the first kAlwaysQuoted.
size_t quoted_count(const lineage::DetectResult& r) {
  size_t n = 0;
  for (size_t i = 0; i < r.candidates.size(); ++i)
    if (r.candidates[i].verdict != lineage::Verdict::NotDetected) n = i + 1;
  return std::min({std::max(n, kAlwaysQuoted), kMaxQuoted, r.candidates.size()});
}

std::optional<QuotedPair> quote(const lineage::TextLookup& text, const std::string& reference,
                                const std::string& candidate, const std::string& prompt_id) {
  QuotedPair q;
  q.prompt_id = prompt_id;
  const std::string ref = text(reference, prompt_id), cand = text(candidate, prompt_id);
  if (ref.empty() && cand.empty()) return std::nullopt;
  SharedSpans spans = shared_spans(ref, cand);
  q.reference_text = excerpt_around(ref, spans.in_a, kQuoteBytes);
  q.candidate_text = excerpt_around(cand, spans.in_b, kQuoteBytes);
  q.reference_marks = std::move(spans.in_a);
  q.candidate_marks = std::move(spans.in_b);
  return q;
}

}  // namespace

DetectionView detection_view(lineage::DetectResult result, Store& store, const SimulatedModels& simulated) {
  DetectionView v;
  v.quoted_candidates = quoted_count(result);
  const auto text = store_text_lookup(store);
  for (size_t i = 0; i < result.candidates.size(); ++i) {
    const auto& c = result.candidates[i];
    const auto sim = simulated.find(c.model);
    v.simulated.push_back(sim != simulated.end() && sim->second);
    std::vector<std::optional<QuotedPair>> quotes(c.evidence.size());
    std::set<std::string> quoted;
    // The answers are those of the reference member the candidate was measured against.
    const std::string& reference = c.closest_reference.empty() ? result.reference.front() : c.closest_reference;
    for (size_t e = 0; e < c.evidence.size() && i < v.quoted_candidates; ++e) {
      const auto& ids = c.evidence[e].prompt_ids;
      if (!ids.empty() && quoted.size() < kQuotesPerCandidate && quoted.insert(ids.front()).second)
        quotes[e] = quote(text, reference, c.model, ids.front());
    }
    v.quotes.push_back(std::move(quotes));
  }
  v.result = std::move(result);
  return v;
}

}  // namespace ds::harness
