// The one place that maps the detector's result onto the report's DetectionView: when the
// detector's result changes (verdict words, null, correction), only this file follows.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "harness/pipeline/report_parts.hpp"
#include "results/reports/markup.hpp"
#include "results/reports/shared_spans.hpp"
#include "results/reports/detect_output.hpp"

namespace ds::harness {

namespace {

constexpr size_t kAlwaysQuoted = 5;       // the strongest candidates are quoted whatever their verdict
constexpr size_t kMaxQuoted = 25;         // and at most this many
constexpr size_t kQuotesPerCandidate = 4;
constexpr size_t kQuoteBytes = 1500;

// How many of the strongest candidates get their evidence quoted verbatim.
size_t quoted_count(const lineage::DetectResult& r) {
  size_t n = 0;
  for (size_t i = 0; i < r.candidates.size(); ++i)
    if (verdict_class(r.candidates[i].verdict) != "not-detected") n = i + 1;
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

// The detector still says "independent" (and `lineage` "unrelated") when it fails to
// detect; a failure to detect is not evidence of independence.
std::string honest_words(const std::string& verdict) {
  return verdict == "independent" || verdict == "unrelated" ? "not detected" : verdict;
}

DetectionView detection_view(const lineage::DetectResult& r, Store& store, const SimulatedModels& simulated) {
  DetectionView v;
  v.reference = r.reference;
  v.method = r.method;
  v.null_hypothesis = r.null_hypothesis;
  // Today's detector: Holm across every candidate, panel = every other model (the candidate
  // left out), `distilled` when the Holm-adjusted p <= 0.05.
  v.correction = "Holm across the candidates";
  v.panel = "every other model in the store, the candidate left out";
  v.alpha = 0.05;
  v.quoted_candidates = quoted_count(r);
  const auto text = store_text_lookup(store);
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const auto& c = r.candidates[i];
    DetectionCandidate out;
    out.model = c.model;
    const auto sim = simulated.find(c.model);
    out.simulated = sim != simulated.end() && sim->second;
    out.statistic = c.z;
    out.p_value = c.p_value;
    out.p_adjusted = c.p_adjusted;
    out.verdict = honest_words(c.verdict);
    std::set<std::string> quoted;
    for (const auto& e : c.evidence) {
      DetectionEvidence ev{e.kind, e.detail, e.prompt_ids, std::nullopt, std::nullopt};
      if (std::isfinite(e.statistic)) ev.statistic = e.statistic;
      if (i < v.quoted_candidates && !e.prompt_ids.empty() && quoted.size() < kQuotesPerCandidate &&
          quoted.insert(e.prompt_ids.front()).second)
        ev.quote = quote(text, r.reference, c.model, e.prompt_ids.front());
      out.evidence.push_back(std::move(ev));
    }
    v.candidates.push_back(std::move(out));
  }
  return v;
}

}  // namespace ds::harness
