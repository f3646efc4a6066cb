#pragma once
// What every report format shows, as typed data: built once from the store and the detector
// (harness/pipeline/report_data_build.cpp) and only formatted by format_*.cpp. Per model and
// suite the mean score with its 95% interval (or "unscored"), the humanity profile and gap
// index, the lineage map, detection against a reference with quoted evidence, the answers the
// viewer shows, and per-response rows for the CI formats.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "results/record.hpp"
#include "scorers/lineage/detect_result.hpp"
#include "results/layer.hpp"
#include "results/reports/score_basis.hpp"

namespace ds::results {

struct SuiteCell {
  std::string suite;
  size_t responses = 0;  // answered responses
  size_t scored = 0;
  size_t failed = 0;     // requests that failed after retries
  std::optional<double> mean, ci_low, ci_high;  // nullopt = unscored
  size_t asked = 0;           // items with an answer (`scored` counts items too)
  bool insufficient = false;  // fewer than half the items asked were scored: no mean is given
};

// One humanity-profile dimension (math, coding, creativity, philosophy) of one model.
struct ProfileCell {
  std::string dimension;
  std::optional<double> mean, ci_low, ci_high;  // nullopt = unscored
};

struct ModelRow {
  std::string name;
  std::string provider;
  bool simulated = false;
  std::vector<SuiteCell> cells;  // in ReportData::suites order
  std::optional<double> gap, gap_low, gap_high;
  std::vector<ProfileCell> profile;  // math, coding, creativity, philosophy
};

// One response as the CI formats show it: the record, and why it passed or failed.
struct ResponseRow {
  Record record;
  bool graded = true;                      // false for suites that are never graded (probes)
  std::string expected;                    // the item's expected answer, where it has one
  std::string extracted;                   // what the scorer read from the answer
  std::vector<std::string> failed_checks;  // failing asserts, tests or constraints
  std::string unscored_reason;             // why there is no score, when there is none
};

// A byte range [begin, end) of a text: a phrase shared with another text.
struct Span {
  uint32_t begin = 0, end = 0;
  bool operator==(const Span&) const = default;
};

// Two answers to one prompt quoted verbatim, the phrases they share marked in both.
struct QuotedPair {
  std::string prompt_id;  // "suite/item_id"
  std::string reference_text, candidate_text;
  std::vector<Span> reference_marks, candidate_marks;
};

// Detection against a reference exactly as the detector computed it (DetectResult: verdict
// words, p-values, nulls, intervals, evidence), plus what the page adds for people: which
// candidates are simulated, and for the strongest candidates the stored answers of each
// evidence item's first prompt with the shared phrases marked.
struct DetectionView {
  lineage::DetectResult result;
  std::vector<bool> simulated;  // per candidate, in result.candidates order
  // quotes[c][e]: candidate c's evidence item e in the stored answers (empty for candidates
  // past quoted_candidates, and for items without a prompt).
  std::vector<std::vector<std::optional<QuotedPair>>> quotes;
  size_t quoted_candidates = 0;  // the first candidates, whose evidence is quoted
};

// Model x model similarity, ordered by average-linkage clustering.
struct LineageMap {
  std::vector<std::string> models;
  std::vector<bool> simulated;
  std::vector<std::vector<double>> statistic;     // symmetric; NaN = not measured
  std::vector<std::vector<std::string>> verdict;  // pair verdict words; "" on the diagonal
  std::string statistic_label;
  std::string verdict_note;  // what a pair verdict means
  std::vector<std::string> reference;  // the reference's members: highlighted rows and columns
  struct Merge {
    size_t left = 0, right = 0;  // node ids: leaves 0..n-1, merge k is node n + k
    double height = 0;           // distance at which they merge
  };
  std::vector<size_t> order;  // leaves in dendrogram order
  std::vector<Merge> merges;  // n - 1 merges, heights non-decreasing
};

struct ViewerPrompt {
  std::string id;  // "suite/item_id"
  std::string suite;
  std::string system;
  std::string prompt;    // the conversation before the answer, as text
  std::string expected;  // expected answer or hidden tests; "" = none
};

struct ViewerAnswer {
  int sample = 0;
  std::string text;
  std::string error;  // request failed after retries
  std::optional<double> score;
  std::string why;                    // extracted answer, failed checks, or why unscored
  std::vector<Span> marks;            // phrases shared with the pinned model's first sample
  std::vector<Span> reference_marks;  // the same phrases in the pinned model's first sample
};

struct ViewerData {
  std::vector<std::string> models;  // the pinned model (the reference) first, then candidates
  std::vector<bool> simulated;
  std::vector<ViewerPrompt> prompts;
  // answers[m][p]: every sample of model m for prompt p (empty when not answered)
  std::vector<std::vector<std::vector<ViewerAnswer>>> answers;
  std::vector<std::string> omitted;  // models left out of the page, and why
  std::string omitted_reason;
  size_t min_shared_words = 0;  // a marked phrase has at least this many words
};

struct ReportData {
  std::string source;  // the store(s) read
  std::vector<std::string> suites;
  std::vector<ModelRow> models;
  std::vector<ResponseRow> responses;  // every response incl. failed ones (when built)
  std::optional<DetectionView> detection;
  // Where the reference came from when the report's caller did not name it, e.g. "named with
  // --reference by the run of 2026-01-02T10:00:00Z"; "" when given.
  std::string reference_origin;
  std::optional<LineageMap> lineage;
  std::optional<ScoreBasisView> basis;  // items scored, human anchors (score_basis.hpp)
  ViewerData viewer;
  json runs = json::array();  // the store's run rows, as stored
};

// Formats a number for people: "0.734 [0.701, 0.765]", "insufficient (4 of 10 items)" or
// "unscored".
std::string format_score_with_ci(const SuiteCell& cell);

// A verdict as a CSS/legend class: distilled | not-detected | insufficient.
std::string verdict_class(lineage::Verdict verdict);
std::string verdict_class(std::string_view verdict_word);

}  // namespace ds::results
