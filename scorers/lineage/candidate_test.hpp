#pragma once
// The per-candidate test: is the candidate's statistic T(C) higher than the panel's (models
// taken to be unrelated to the reference; the candidate left out)? Null hypothesis: C is
// unrelated to the reference like the panel models, so T(C) is drawn from the panel's
// distribution. Two nulls:
//   parametric  (default) z = (T(C) - median) / (1.4826 MAD) of the panel's T, p from a
//               Student t (core/statistics.hpp, panel_upper_p) whose tail was calibrated on the
//               labelled unrelated models of the development sets. The median and MAD ignore
//               a minority of the reference's relatives in the panel (its other students and
//               versions), which a rank counts as unrelated models that beat the candidate.
//   rank        (--null rank) p = (1 + #{panel T >= T(C)}) / (n + 1): exact when C and every
//               panel model are exchangeable, whatever the statistic's distribution; used when
//               its smallest value 1 / (n + 1) can reach the per-test level, the parametric
//               null otherwise.
// Below kMinParametricPanel panel models the evidence is insufficient and the result says what
// to add. Verdict words never claim independence: a candidate that is not detected is "not
// detected".
#include <cmath>
#include <string>
#include <string_view>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

enum class NullKind { Conformal, Parametric, Unavailable };
enum class NullMethod { Parametric, Rank };
enum class Correction { Holm, BenjaminiHochberg, None };
enum class Verdict { Distilled, NotDetected, InsufficientEvidence };

inline constexpr size_t kMinParametricPanel = 8;

std::string_view verdict_word(Verdict v);        // "distilled" | "not detected" | "insufficient evidence"
std::string_view null_kind_name(NullKind k);     // "conformal" | "parametric" | "unavailable"
std::string_view correction_name(Correction c);  // "holm" | "bh" | "none"
// "holm", "bh" or "none"; InputError naming the choices otherwise.
Correction parse_correction(const std::string& text);
// "t" (parametric) or "rank"; InputError naming the choices otherwise.
NullMethod parse_null_method(const std::string& text);

struct NullTest {
  NullKind kind = NullKind::Unavailable;
  double p = NAN;
  double z = NAN;             // (T - panel median) / (1.4826 panel MAD); NaN without spread
  double detectable_z = NAN;  // the smallest z this panel could call distilled at level alpha / k
  std::string description;    // the null in words, with the panel size
  std::string insufficient;   // when Unavailable: why, and what to add
};

// t: the candidate's statistic; panel: the panel's statistics (candidate left out); alpha: the
// verdict's level; family: the number of candidates the correction runs over (1 for none).
NullTest candidate_null_test(double t, const std::vector<double>& panel, double alpha, size_t family,
                             NullMethod method = NullMethod::Parametric);

// Adjusted p-values across one family of candidates (NaN p counts as 1).
std::vector<double> adjust_p_values(const std::vector<double>& p, Correction correction);

// The smallest panel for which the conformal rank can reach alpha / family.
size_t conformal_panel_needed(double alpha, size_t family);

}  // namespace ds::scorers::lineage
