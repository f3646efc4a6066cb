#pragma once
// Forced-choice philosophy items: reading the model's choice, and comparing a model's
// distribution of choices with the published human one. See docs/scorers.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

using Distribution = std::map<std::string, double>;

// Choice labels from `choices`: ["a", "b"], [{"label": "a", ...}], or {"a": "text", ...}.
std::vector<std::string> choice_labels(const json& choices);

struct ChoiceParse {
  std::optional<std::string> label;  // one of the labels, or nullopt
  std::string method;                // "choice_line", "last_mention" or "none"
};

// The last "Choice: X" line decides (X matched to a label case- and punctuation-insensitively,
// or a single letter A, B, ... by position); without one, the label mentioned last (the
// longest label wins where two overlap, e.g. "don't switch" over "switch").
ChoiceParse parse_choice(const std::string& response, const std::vector<std::string>& labels);

// Jensen–Shannon divergence in bits (0 = identical, 1 = disjoint).
double jensen_shannon_divergence(const Distribution& p, const Distribution& q);

struct PhilosophyAgreement {
  std::optional<double> value;  // 1 − JSD, nullopt without a usable human distribution/choices
  Distribution model;           // over the labels, from the parsed samples
  Distribution human;           // renormalised over the labels
  double unlisted_human_mass = 0;  // e.g. PhilPapers "other", left out
  std::string modal_choice;        // most frequent model choice ("" if none parsed)
  int parsed = 0;
  int unparsed = 0;
  std::string unscored_reason;
};

// Compares the choices of one model's samples (nullopt = unparsed) with human_distribution
// {label: p}. Keys that match no label (e.g. "other") are dropped and the rest renormalised:
// a forced-choice item offers only its labels, so both sides are compared conditionally.
PhilosophyAgreement philosophy_agreement(const std::vector<std::optional<std::string>>& choices,
                                         const std::vector<std::string>& labels,
                                         const json& human_distribution);

}  // namespace ds::scorers
