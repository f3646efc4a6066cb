#include "scorers/lineage/detector.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "scorers/lineage/measurement.hpp"
#include "scorers/lineage/passage_evidence.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

namespace {

constexpr size_t kPanelTextsChecked = 40;  // panel answers checked per shared passage
constexpr size_t kEvidencePrompts = 3;     // strongest pair prompts searched for passages

std::string known_models_text(const Corpus& c) {
  std::string out;
  for (size_t m = 0; m < c.models.size(); ++m) {
    if (!c.answered(static_cast<int>(m))) continue;
    if (!out.empty()) out += ", ";
    out += c.models[m];
  }
  return out.empty() ? "(none: import or run some models first)" : out;
}

int resolve_model(const Corpus& c, const std::string& name, const char* role) {
  const int m = c.model_index(name);
  if (!c.answered(m))
    throw InputError(fmt::format("unknown {} model '{}' (no answers in the store); known models: {}", role,
                                 name, known_models_text(c)));
  return m;
}

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string correction_note(Correction correction, size_t tested, bool sweep, bool family_wise) {
  if (correction == Correction::None)
    return sweep || family_wise ? "none: each candidate is its own test"
                                : "none: each named candidate is its own question, so its verdict does not depend on "
                                  "which others are named (correct across them with --family-wise)";
  const char* name = correction == Correction::Holm ? "Holm (family-wise error)" : "Benjamini-Hochberg (false discovery rate)";
  return fmt::format("{} across {} candidate{} ({})", name, tested, tested == 1 ? "" : "s",
                     sweep ? "a sweep of every model in the store: name a candidate with --candidate to ask about it alone"
                           : "--family-wise: the candidates named with --candidate");
}

// Everything the candidate loop needs about the measured models.
struct Measured {
  std::vector<int> models;       // corpus indices, ascending
  std::vector<char> in_panel;
  std::vector<size_t> slot;      // corpus index -> position in models (SIZE_MAX: not measured)
  std::vector<Measurement> per_member;
  std::vector<double> T;         // highest over the members
  std::vector<size_t> closest;   // which member gave it
};

void combine_members(Measured& m) {
  const size_t n = m.models.size();
  m.T.assign(n, -INFINITY);
  m.closest.assign(n, 0);
  for (size_t r = 0; r < m.per_member.size(); ++r)
    for (size_t i = 0; i < n; ++i)
      if (m.per_member[r].T[i] > m.T[i]) {
        m.T[i] = m.per_member[r].T[i];
        m.closest[i] = r;
      }
}

// The panel's statistics for candidate slot c: every panel model but c that shares prompts
// with the reference.
template <class Stat>
std::vector<double> panel_values(const Measured& m, size_t c, Stat&& stat) {
  std::vector<double> out;
  for (size_t i = 0; i < m.models.size(); ++i) {
    if (i == c || !m.in_panel[i]) continue;
    if (m.per_member[m.closest[i]].shared_prompts[i] == 0) continue;
    out.push_back(stat(i));
  }
  return out;
}

// 95% prompt-bootstrap intervals of each candidate's z (prompts resampled with replacement,
// the same resample for every model; each family member's T recomputed, the highest taken).
std::vector<Interval> bootstrap_intervals(const Measured& m, const std::vector<size_t>& candidates,
                                          size_t prompts, int resamples, uint64_t seed) {
  std::vector<std::vector<double>> z(candidates.size());
  SplitMix64 rng(seed ^ 0xb0075742ULL);
  std::vector<uint32_t> weight(prompts);
  for (int b = 0; b < resamples; ++b) {
    std::fill(weight.begin(), weight.end(), 0);
    for (size_t k = 0; k < prompts; ++k) ++weight[rng.below(prompts)];
    std::vector<double> T(m.models.size(), -INFINITY);
    for (const auto& member : m.per_member) {
      const auto t = reweighted_statistic(member, weight);
      for (size_t i = 0; i < T.size(); ++i) T[i] = std::max(T[i], t[i]);
    }
    for (size_t k = 0; k < candidates.size(); ++k) {
      const auto panel = panel_values(m, candidates[k], [&](size_t i) { return T[i]; });
      const auto scale = robust_scale(panel);
      if (scale.scale > 0) z[k].push_back(scale.z(T[candidates[k]]));
    }
  }
  std::vector<Interval> out(candidates.size(), Interval{NAN, NAN, NAN});
  for (size_t k = 0; k < candidates.size(); ++k) {
    auto& v = z[k];
    if (v.size() < 20) continue;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5)]; };
    out[k] = {NAN, at(0.025), at(0.975)};
  }
  return out;
}

// Per-prompt permutation test of the pair component: at each prompt the candidate's z is
// exchangeable with any panel model's under the null.
std::optional<double> pair_permutation_p(const Measurement& member, const Measured& m, size_t c,
                                         int permutations, SplitMix64& rng) {
  const auto it = std::find(member.used.begin(), member.used.end(), "pair");
  if (it == member.used.end()) return std::nullopt;
  const auto& per_prompt = member.values[static_cast<size_t>(it - member.used.begin())].per_prompt;
  if (per_prompt[c].empty()) return std::nullopt;
  std::map<uint32_t, std::vector<float>> pool;
  for (size_t i = 0; i < m.models.size(); ++i)
    if (m.in_panel[i] && i != c)
      for (const auto& pv : per_prompt[i]) pool[pv.prompt].push_back(pv.value);
  double observed = 0;
  for (const auto& pv : per_prompt[c]) {
    observed += pv.value;
    pool[pv.prompt].push_back(pv.value);
  }
  int at_least = 0;
  for (int r = 0; r < permutations; ++r) {
    double s = 0;
    for (const auto& pv : per_prompt[c]) {
      const auto& options = pool[pv.prompt];
      s += options[rng.below(options.size())];
    }
    at_least += s >= observed - 1e-9;
  }
  return (1.0 + at_least) / (1.0 + permutations);
}

// The prompts where the candidate's pair z is highest.
std::vector<std::string> strongest_prompts(const Corpus& c, const Measurement& member, size_t i, size_t count) {
  const auto it = std::find(member.used.begin(), member.used.end(), "pair");
  if (it == member.used.end()) return {};
  auto top = member.values[static_cast<size_t>(it - member.used.begin())].per_prompt[i];
  std::stable_sort(top.begin(), top.end(), [](const PromptValue& a, const PromptValue& b) { return a.value > b.value; });
  std::vector<std::string> out;
  for (size_t k = 0; k < top.size() && k < count; ++k) out.push_back(c.prompts[top[k].prompt]);
  return out;
}

// The components to measure: the named ones (each must exist) or the defaults.
std::vector<std::string> checked_components(const DetectOptions& o) {
  std::vector<std::string> components = o.components.empty() ? default_components() : o.components;
  for (const auto& name : components)
    if (!find_component(name)) {
      std::string known;
      for (const auto& comp : component_registry()) known += (known.empty() ? "" : ", ") + comp.name;
      throw InputError(fmt::format("unknown component '{}'; known components: {}", name, known));
    }
  return components;
}

// Who is the reference family, who is tested, who is the panel (corpus indices).
struct Selection {
  std::vector<int> family, named, panel, everyone, tested;
  bool sweep = false;
};

Selection select_models(const Corpus& c, const DetectOptions& o, const std::vector<std::string>& members) {
  Selection s;
  for (const auto& r : members) s.family.push_back(c.model_index(r));
  auto in_family = [&](int m) { return std::find(s.family.begin(), s.family.end(), m) != s.family.end(); };
  for (const auto& n : o.candidates) {
    const int m = resolve_model(c, n, "candidate");
    if (in_family(m)) throw InputError(fmt::format("candidate '{}' is a member of the reference family", n));
    s.named.push_back(m);
  }
  for (const auto& n : o.panel) {
    const int m = resolve_model(c, n, "panel");
    if (in_family(m))
      throw InputError(fmt::format("panel model '{}' is a member of the reference family; the panel holds models "
                                   "independent of the reference", n));
    s.panel.push_back(m);
  }
  for (size_t m = 0; m < c.models.size(); ++m)
    if (c.answered(static_cast<int>(m)) && !in_family(static_cast<int>(m))) s.everyone.push_back(static_cast<int>(m));
  if (o.panel.empty()) s.panel = s.everyone;
  s.sweep = s.named.empty();
  s.tested = s.sweep ? s.everyone : s.named;
  return s;
}

// The family note, the panel and the correction, in the result's words.
void describe_selection(DetectResult& r, const Corpus& c, const DetectOptions& o, const Selection& s) {
  if (s.family.size() > 1)
    r.family_note = fmt::format(
        "the reference is a family of {} models ({}); each model's statistic is its highest over the members (the "
        "closest member), computed the same way for the panel, so the null already includes the choice of member",
        s.family.size(), joined(r.reference));
  r.panel_source = !o.panel_source.empty() ? o.panel_source
                   : o.panel.empty()       ? "default: every model in the store outside the reference family"
                                           : "--panel";
  for (int m : s.panel) r.panel.push_back(c.models[static_cast<size_t>(m)]);
  r.sweep = s.sweep;
  r.default_panel = o.panel.empty();
  r.correction = s.sweep || o.family_wise ? o.correction : Correction::None;
  r.family_size = r.correction == Correction::None ? 1 : s.tested.size();
  r.correction_note = correction_note(r.correction, s.tested.size(), s.sweep, o.family_wise);
  r.null_hypothesis =
      "the candidate is unrelated to the reference like the panel models: its statistic is drawn from the panel's "
      "distribution (candidate left out of its own panel)";
  r.scope_note =
      "the statistic measures how much more the candidate's outputs resemble the reference's than the panel's do; "
      "a version, fine-tune, sibling or re-served copy of the reference resembles it for the same reason a "
      "student does, so `distilled` means related beyond the panel, not the direction or the mechanism; "
      "`not detected` is a failure to detect, not evidence of independence";
}

// Every component against every member of the reference family, for the tested and panel models.
Measured measure_all(ComponentInput base, const Selection& s, const std::vector<std::string>& components) {
  Measured m;
  std::set<int> involved(s.tested.begin(), s.tested.end());
  involved.insert(s.panel.begin(), s.panel.end());
  m.models.assign(involved.begin(), involved.end());
  m.slot.assign(base.corpus.models.size(), SIZE_MAX);
  for (size_t i = 0; i < m.models.size(); ++i) m.slot[static_cast<size_t>(m.models[i])] = i;
  m.in_panel.assign(m.models.size(), 0);
  for (int p : s.panel) m.in_panel[m.slot[static_cast<size_t>(p)]] = 1;
  base.models = m.models;
  base.in_panel = m.in_panel;
  for (int r : s.family) {
    base.reference = r;
    base.reference_name = base.corpus.models[static_cast<size_t>(r)];
    m.per_member.push_back(measure(base, components));
  }
  combine_members(m);
  return m;
}

void describe_measurement(DetectResult& r, const Measured& m, const std::vector<std::string>& components,
                          size_t panel_size) {
  std::set<std::string> used;
  for (const auto& member : m.per_member) used.insert(member.used.begin(), member.used.end());
  for (const auto& name : components)
    if (used.count(name)) r.components.push_back(name);
  r.method = fmt::format("sum of the component z-scores ({}), each a robust z against the {} panel models",
                         r.components.empty() ? "none measurable" : joined(r.components, " + "), panel_size);
}

// Why a candidate cannot be tested ("" when it can).
std::string insufficient_reason(const CandidateResult& cr, const NullTest& test, const Measurement& member, size_t i,
                                size_t measured_models) {
  if (cr.prompts == 0)
    return fmt::format("no component could be measured: {} answered no prompt that {} answered; run both on the "
                       "same suites", cr.model, cr.closest_reference);
  if (test.kind == NullKind::Unavailable) return test.insufficient;
  if (member.measured[i] == 0)
    return fmt::format("no component could be measured for {}: none has a value that varies across the {} measured "
                       "models; run the candidate and the panel on the same suites", cr.model, measured_models);
  return "";
}

// The statistic, its components and the null test of the model in slot i.
CandidateResult test_candidate(const Corpus& c, const SimilarityIndex& similarity, const Measured& m, size_t i,
                               const DetectOptions& o, size_t family_size, SplitMix64& rng) {
  const Measurement& member = m.per_member[m.closest[i]];
  CandidateResult cr;
  cr.model = c.models[static_cast<size_t>(m.models[i])];
  cr.closest_reference = c.models[static_cast<size_t>(member.reference)];
  cr.statistic = m.T[i];
  cr.prompts = member.shared_prompts[i];
  cr.mean_similarity = similarity.mean_similarity(m.models[i], member.reference);
  for (size_t comp = 0; comp < member.used.size(); ++comp) {
    cr.components.push_back({member.used[comp], member.values[comp].value[i], member.z(comp, i)});
    if (!member.values[comp].set_aside.empty()) cr.siblings = member.values[comp].set_aside[i];
  }
  const auto panel_t = panel_values(m, i, [&](size_t j) { return m.T[j]; });
  cr.panel_size = panel_t.size();
  const NullTest test = candidate_null_test(m.T[i], panel_t, o.alpha, family_size, o.null_method);
  cr.null_kind = test.kind;
  cr.null_description = test.description;
  cr.z = test.z;
  cr.p_value = test.p;
  cr.detectable_z = test.detectable_z;
  cr.insufficient_reason = insufficient_reason(cr, test, member, i, m.models.size());
  if (!cr.insufficient_reason.empty()) cr.p_value = NAN;
  if (o.permutations > 0) cr.p_permutation = pair_permutation_p(member, m, i, o.permutations, rng);
  return cr;
}

// The correction across the family, then each verdict.
void apply_verdicts(DetectResult& r) {
  std::vector<double> ps;
  for (const auto& cr : r.candidates) ps.push_back(cr.p_value);
  const auto adjusted = adjust_p_values(ps, r.correction);
  for (size_t k = 0; k < r.candidates.size(); ++k) {
    auto& cr = r.candidates[k];
    cr.p_adjusted = std::isfinite(cr.p_value) ? adjusted[k] : NAN;
    cr.verdict = !cr.insufficient_reason.empty() ? Verdict::InsufficientEvidence
                 : cr.p_adjusted <= r.alpha     ? Verdict::Distilled
                                                : Verdict::NotDetected;
  }
}

// Evidence: verbatim passages the candidate shares with the reference, then what the
// components found — only from components that point towards the reference (z > 0), so a
// model is never shown evidence against its own verdict as if it were for it.
void add_evidence(DetectResult& r, const Corpus& c, const Measured& m, const std::vector<size_t>& slots,
                  const std::vector<int>& panel, const DetectOptions& o, const TextLookup& text) {
  std::vector<std::string> panel_sample;
  const size_t step = std::max<size_t>(1, (panel.size() + kPanelTextsChecked - 1) / kPanelTextsChecked);
  for (size_t k = 0; k < panel.size(); k += step) panel_sample.push_back(c.models[static_cast<size_t>(panel[k])]);
  PassageFinder passages(text, panel_sample);
  for (size_t k = 0; k < slots.size(); ++k) {
    const size_t i = slots[k];
    auto& cr = r.candidates[k];
    const Measurement& member = m.per_member[m.closest[i]];
    if (o.evidence && text) {
      const auto prompts = strongest_prompts(c, member, i, kEvidencePrompts);
      for (auto& e : passages.find(cr.model, cr.closest_reference, prompts, 3)) cr.evidence.push_back(std::move(e));
    }
    for (size_t comp = 0; comp < member.used.size(); ++comp) {
      if (member.values[comp].evidence.empty() || !(member.z(comp, i) > 0)) continue;
      for (auto e : member.values[comp].evidence[i]) {
        e.statistic = member.z(comp, i);
        cr.evidence.push_back(std::move(e));
      }
    }
  }
}

}  // namespace

Detector::Detector(const Corpus& corpus)
    : corpus_(corpus), profiles_(build_profiles(corpus)), similarity_(corpus) {}

std::vector<std::string> Detector::resolve_reference(const std::vector<std::string>& patterns) const {
  std::vector<std::string> out;
  if (patterns.empty()) throw InputError("--reference is required: the possible teacher (a model name or a glob)");
  for (const auto& pattern : patterns) {
    const bool glob = pattern.find_first_of("*?[") != std::string::npos;
    if (!glob) {
      resolve_model(corpus_, pattern, "reference");
      if (std::find(out.begin(), out.end(), pattern) == out.end()) out.push_back(pattern);
      continue;
    }
    size_t matched = 0;
    for (size_t m = 0; m < corpus_.models.size(); ++m)
      if (corpus_.answered(static_cast<int>(m)) && fnmatch(pattern.c_str(), corpus_.models[m].c_str(), 0) == 0) {
        ++matched;
        if (std::find(out.begin(), out.end(), corpus_.models[m]) == out.end()) out.push_back(corpus_.models[m]);
      }
    if (matched == 0)
      throw InputError(fmt::format("--reference '{}' matches no model with answers; known models: {}", pattern,
                                   known_models_text(corpus_)));
  }
  return out;
}

DetectResult Detector::detect(const DetectOptions& o, const TextLookup& text) const {
  DetectResult result;
  result.reference = resolve_reference(o.reference);
  result.reference_label = joined(o.reference);
  result.alpha = o.alpha;
  const auto components = checked_components(o);
  const Selection s = select_models(corpus_, o, result.reference);
  describe_selection(result, corpus_, o, s);
  ComponentInput base{corpus_, similarity_, profiles_};
  base.family = s.family;
  base.seed = o.seed;
  const Measured m = measure_all(base, s, components);
  describe_measurement(result, m, components, s.panel.size());
  std::vector<size_t> slots;
  for (int t : s.tested) slots.push_back(m.slot[static_cast<size_t>(t)]);
  SplitMix64 rng(o.seed);
  for (size_t i : slots) result.candidates.push_back(test_candidate(corpus_, similarity_, m, i, o, result.family_size, rng));
  apply_verdicts(result);
  if (o.bootstrap > 0) {
    const auto intervals = bootstrap_intervals(m, slots, corpus_.prompts.size(), o.bootstrap, o.seed);
    for (size_t k = 0; k < slots.size(); ++k) {
      result.candidates[k].z_interval = intervals[k];
      result.candidates[k].z_interval.mean = result.candidates[k].z;
    }
  }
  add_evidence(result, corpus_, m, slots, s.panel, o, text);
  std::stable_sort(result.candidates.begin(), result.candidates.end(),
                   [](const CandidateResult& a, const CandidateResult& b) { return a.statistic > b.statistic; });
  return result;
}

}  // namespace ds::scorers::lineage
