#pragma once
// The typed result of `detect`: what was tested, against which null and panel, with which
// correction, and per candidate the statistic, its interval, the p-values, the verdict and
// the evidence. JSON only at the output edge (detect_output.hpp); the field names are
// documented in docs/lineage.md ("Result fields") and kept stable.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "scorers/lineage/candidate_test.hpp"
#include "scorers/lineage/evidence.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct ComponentScore {
  std::string name;
  double value = NAN;  // the raw value (component-specific units; NaN = not measured)
  double z = NAN;      // standardised against the panel models (clipped at +-10)
};

struct CandidateResult {
  std::string model;
  std::string closest_reference;  // the family member the statistic uses (the reference itself for one)
  double statistic = NAN;         // T: the sum of the component z-scores
  double z = NAN;                 // T standardised against the panel (candidate left out)
  Interval z_interval{NAN, NAN, NAN};  // 95% prompt-bootstrap interval of z
  double p_value = NAN;
  double p_adjusted = NAN;        // after the correction across the family of candidates
  Verdict verdict = Verdict::InsufficientEvidence;
  NullKind null_kind = NullKind::Unavailable;
  std::string null_description;
  size_t panel_size = 0;          // panel models in this candidate's null
  double detectable_z = NAN;      // the smallest z this panel could call distilled (alpha / k)
  std::string insufficient_reason;  // non-empty exactly when the verdict is insufficient evidence
  std::vector<ComponentScore> components;
  std::vector<std::string> siblings;  // the candidate's sibling cluster (neighbours component)
  size_t prompts = 0;                 // prompts both answered
  double mean_similarity = NAN;       // raw mean per-prompt answer similarity to the closest member
  std::optional<double> p_permutation;  // per-prompt permutation p of the pair component
  std::vector<Evidence> evidence;
};

struct DetectResult {
  std::vector<std::string> reference;  // the reference family's members (one model or several)
  std::string reference_label;         // as given: "gpt-4", "gpt-3.5-turbo*", "a, b"
  std::string family_note;             // how the members are combined, when there are several
  std::vector<std::string> components;  // the components measured (with any spread)
  std::string method;
  std::string null_hypothesis;
  Correction correction = Correction::Holm;
  bool sweep = false;                   // no candidate named: every model in the store was tested
  bool default_panel = false;           // the panel is every other model (nobody chose it)
  size_t family_size = 0;               // candidates the correction runs over
  std::string correction_note;          // which candidates, and why
  double alpha = 0.05;
  std::vector<std::string> panel;       // before leaving each candidate out
  std::string panel_source;             // "default: every other model in the store", "--panel", ...
  std::string scope_note;               // what the test can and cannot tell apart
  std::vector<CandidateResult> candidates;  // highest statistic first
};

// `detect --fail-on distilled`, `run --fail-on distilled`: one line per candidate called
// distilled, and per candidate with insufficient evidence (with its reason) unless allowed.
std::vector<std::string> distilled_gate_failures(const DetectResult& result, bool allow_insufficient);

}  // namespace ds::scorers::lineage
