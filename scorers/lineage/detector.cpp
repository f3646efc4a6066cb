#include "scorers/lineage/detector.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cctype>
#include <cmath>
#include <random>
#include <set>

#include "core/errors.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

namespace {

constexpr double kClip = 10.0;  // one prompt or component cannot outvote all the others
constexpr int kMmdPermutations = 200;

double clip(double z) { return std::max(-kClip, std::min(kClip, z)); }

const TextFeatures* first_answer(const Corpus& c, int m, size_t p) {
  const auto& cell = c.cells[static_cast<size_t>(m)][p];
  return cell.empty() ? nullptr : &cell.front().features;
}

std::string known_models_text(const Corpus& c) {
  std::string out;
  for (size_t m = 0; m < c.models.size(); ++m) {
    bool answered = false;
    for (const auto& cell : c.cells[m]) answered = answered || !cell.empty();
    if (!answered) continue;
    if (!out.empty()) out += ", ";
    out += c.models[m];
  }
  return out.empty() ? "(none: import or run some models first)" : out;
}

// The leading letters of a model name ("gpt" of "gpt-3.5-turbo"): a claim naming it is a
// claim to be that model or its family.
std::string name_stem(const std::string& name) {
  std::string stem;
  for (char ch : name) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) break;
    stem += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return stem.size() >= 3 ? stem : std::string();
}

struct Identity {
  std::set<std::string> makers, names;
  std::string stem;
  bool matches(const IdentityClaim& claim) const {
    if (!claim.maker.empty() && makers.count(claim.maker)) return true;
    if (!claim.name.empty() && names.count(claim.name)) return true;
    if (stem.empty()) return false;
    return claim.name.find(stem) != std::string::npos || claim.maker.find(stem) != std::string::npos;
  }
};

bool is_choice_scorer(const std::string& scorer) {
  return scorer == "philosophy" || scorer.rfind("probe", 0) == 0;
}

}  // namespace

double answer_similarity(const TextFeatures& a, const TextFeatures& b) {
  return 0.5 * sketch_jaccard(a.word_sketch, b.word_sketch) +
         0.5 * sketch_jaccard(a.char_sketch, b.char_sketch);
}

std::vector<std::string> shared_phrases(const std::string& a, const std::string& b,
                                        size_t min_words, size_t max_phrases) {
  const auto ta = tokenize(a), tb = tokenize(b);
  std::vector<std::pair<size_t, size_t>> runs;  // (length, end in ta)
  std::vector<size_t> prev(tb.size() + 1, 0), cur(tb.size() + 1, 0);
  for (size_t i = 1; i <= ta.size(); ++i) {
    for (size_t j = 1; j <= tb.size(); ++j) {
      cur[j] = ta[i - 1] == tb[j - 1] ? prev[j - 1] + 1 : 0;
      // Record maximal runs only: the run ends here.
      const bool ends = i == ta.size() || j == tb.size() || ta[i] != tb[j];
      if (cur[j] >= min_words && ends) runs.push_back({cur[j], i});
    }
    std::swap(prev, cur);
  }
  std::sort(runs.begin(), runs.end(), std::greater<>());
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& [len, end] : runs) {
    std::string phrase;
    for (size_t k = end - len; k < end; ++k) {
      const bool glue = !phrase.empty() && std::isalnum(static_cast<unsigned char>(ta[k][0]));
      phrase += (glue ? " " : "") + ta[k];
    }
    if (!seen.insert(phrase).second) continue;
    bool inside = false;
    for (const auto& o : out) inside = inside || o.find(phrase) != std::string::npos;
    if (inside) continue;
    out.push_back(phrase);
    if (out.size() >= max_phrases) break;
  }
  return out;
}

Detector::Detector(const Corpus& corpus) : corpus_(corpus), profiles_(build_profiles(corpus)) {}

double Detector::similarity(int a, int b, size_t p) const {
  const size_t M = corpus_.models.size();
  if (!similarity_cache_.empty())
    return similarity_cache_[(p * M + static_cast<size_t>(a)) * M + static_cast<size_t>(b)];
  const auto* fa = first_answer(corpus_, a, p);
  const auto* fb = first_answer(corpus_, b, p);
  return fa && fb ? answer_similarity(*fa, *fb) : NAN;
}

void Detector::precompute_similarities(unsigned threads) {
  const size_t M = corpus_.models.size(), P = corpus_.prompts.size();
  std::vector<float> cache(P * M * M, NAN);
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t)
    pool.emplace_back([&] {
      std::vector<uint16_t> words(M * kSketchSize), chars(M * kSketchSize);
      std::vector<char> present(M);
      for (size_t p = next++; p < P; p = next++) {
        // Copy this prompt's sketches side by side: the M x M loop then stays in cache.
        for (size_t m = 0; m < M; ++m) {
          const auto* f = first_answer(corpus_, static_cast<int>(m), p);
          present[m] = f && f->word_sketch.size() == kSketchSize && f->char_sketch.size() == kSketchSize;
          if (f) {
            std::copy(f->word_sketch.begin(), f->word_sketch.end(), words.begin() + static_cast<long>(m * kSketchSize));
            std::copy(f->char_sketch.begin(), f->char_sketch.end(), chars.begin() + static_cast<long>(m * kSketchSize));
          }
          if (f && !present[m]) present[m] = 2;  // answered, but empty text: similarity 0
        }
        float* out = cache.data() + p * M * M;
        for (size_t a = 0; a < M; ++a) {
          if (!present[a]) continue;
          out[a * M + a] = 1.0f;
          for (size_t b = a + 1; b < M; ++b) {
            if (!present[b]) continue;
            double sim = 0;
            if (present[a] == 1 && present[b] == 1) {
              sim = 0.5 * sketch_jaccard_raw(words.data() + a * kSketchSize, words.data() + b * kSketchSize) +
                    0.5 * sketch_jaccard_raw(chars.data() + a * kSketchSize, chars.data() + b * kSketchSize);
            }
            out[a * M + b] = out[b * M + a] = static_cast<float>(sim);
          }
        }
      }
    });
  for (auto& t : pool) t.join();
  similarity_cache_ = std::move(cache);
}

double Detector::mean_similarity(int a, int b) const {
  double sum = 0;
  size_t n = 0;
  for (size_t p = 0; p < corpus_.prompts.size(); ++p) {
    const double s = similarity(a, b, p);
    if (!std::isfinite(s)) continue;
    sum += s;
    ++n;
  }
  return n ? sum / static_cast<double>(n) : NAN;
}

DetectResult Detector::detect(const DetectOptions& o, const TextLookup& text) const {
  const Corpus& c = corpus_;
  const size_t P = c.prompts.size();
  auto resolve = [&](const std::string& name) {
    const int m = c.model_index(name);
    bool answered = false;
    if (m >= 0)
      for (const auto& cell : c.cells[static_cast<size_t>(m)]) answered = answered || !cell.empty();
    if (!answered)
      throw InputError(fmt::format("unknown model '{}' (no answers in the store); known models: {}",
                                   name, known_models_text(c)));
    return m;
  };
  const int R = resolve(o.reference);
  std::vector<int> candidates, panel;
  for (const auto& n : o.candidates) candidates.push_back(resolve(n));
  for (const auto& n : o.panel) panel.push_back(resolve(n));
  for (size_t m = 0; m < c.models.size(); ++m) {
    if (static_cast<int>(m) == R) continue;
    bool answered = false;
    for (const auto& cell : c.cells[m]) answered = answered || !cell.empty();
    if (!answered) continue;
    if (o.candidates.empty()) candidates.push_back(static_cast<int>(m));
    if (o.panel.empty()) panel.push_back(static_cast<int>(m));
  }
  std::erase(candidates, R);
  std::erase(panel, R);
  std::set<int> involved(candidates.begin(), candidates.end());
  involved.insert(panel.begin(), panel.end());
  const std::vector<int> models(involved.begin(), involved.end());
  std::vector<size_t> slot(c.models.size(), SIZE_MAX);
  for (size_t i = 0; i < models.size(); ++i) slot[static_cast<size_t>(models[i])] = i;
  auto enabled = [&](const std::string& k) {
    return o.components.empty() ||
           std::find(o.components.begin(), o.components.end(), k) != o.components.end();
  };

  std::map<std::string, std::vector<double>> raw;  // component -> value per involved model
  std::vector<std::vector<std::pair<size_t, double>>> prompt_z(models.size());
  std::vector<double> raw_sim_sum, raw_sim_n;

  // (a) Paired similarity on the same prompt, standardised per prompt against the panel.
  if (enabled("pair")) {
    auto& v = raw["pair"];
    v.assign(models.size(), NAN);
    std::vector<double> sums(models.size(), 0), counts(models.size(), 0), sim(models.size());
    raw_sim_sum.assign(models.size(), 0);
    raw_sim_n.assign(models.size(), 0);
    for (size_t p = 0; p < P; ++p) {
      if (!first_answer(c, R, p)) continue;
      std::vector<double> panel_sims;
      for (size_t i = 0; i < models.size(); ++i) {
        sim[i] = similarity(models[i], R, p);
        if (std::isfinite(sim[i])) {
          raw_sim_sum[i] += sim[i];
          raw_sim_n[i] += 1;
        }
      }
      for (int m : panel)
        if (std::isfinite(sim[slot[static_cast<size_t>(m)]])) panel_sims.push_back(sim[slot[static_cast<size_t>(m)]]);
      if (panel_sims.size() < 2) continue;
      const auto scale = robust_scale(panel_sims);
      if (scale.scale <= 0) continue;
      for (size_t i = 0; i < models.size(); ++i) {
        if (!std::isfinite(sim[i])) continue;
        const double z = clip(scale.z(sim[i]));
        sums[i] += z;
        counts[i] += 1;
        prompt_z[i].push_back({p, z});
      }
    }
    for (size_t i = 0; i < models.size(); ++i)
      if (counts[i] > 0) v[i] = sums[i] / counts[i];
  }
  // (b) Idiosyncrasy profile.
  if (enabled("profile") && profiles_.rows.cols() > 0) {
    auto& v = raw["profile"];
    v.assign(models.size(), NAN);
    for (size_t i = 0; i < models.size(); ++i) v[i] = profiles_.cosine(models[i], R);
  }
  // (d) Identity claims: what R says it is, and claims naming R's stem.
  Identity identity;
  identity.stem = name_stem(o.reference);
  for (size_t p = 0; p < P; ++p)
    for (const auto& e : c.cells[static_cast<size_t>(R)][p])
      if (e.features.claim) {
        if (!e.features.claim->maker.empty()) identity.makers.insert(e.features.claim->maker);
        if (!e.features.claim->name.empty()) identity.names.insert(e.features.claim->name);
      }
  std::vector<std::vector<std::pair<size_t, std::string>>> claims(models.size());
  if (enabled("identity")) {
    auto& v = raw["identity"];
    v.assign(models.size(), 0.0);
    for (size_t i = 0; i < models.size(); ++i) {
      size_t answered = 0;
      for (size_t p = 0; p < P; ++p) {
        const auto* f = first_answer(c, models[i], p);
        if (!f) continue;
        ++answered;
        if (f->claim && identity.matches(*f->claim)) claims[i].push_back({p, f->claim->quote});
      }
      v[i] = answered ? static_cast<double>(claims[i].size()) / static_cast<double>(answered) : 0.0;
    }
  }
  // (c) Shared errors: identical wrong extracted answers, beyond what the panel's wrong
  // answers on the same prompt make likely by chance.
  std::vector<std::vector<std::pair<size_t, std::string>>> shared_wrong(models.size());
  if (enabled("errors")) {
    std::vector<double> observed(models.size(), 0), expected(models.size(), 0);
    bool any = false;
    for (size_t p = 0; p < P; ++p) {
      const auto& rcell = c.cells[static_cast<size_t>(R)][p];
      if (rcell.empty()) continue;
      for (const auto& rs : rcell.front().scores) {
        if (!rs.wrong || rs.extracted.empty() || is_choice_scorer(rs.scorer)) continue;
        any = true;
        auto wrong_answer = [&](int m) -> const ScoredAnswer* {
          const auto& cell = c.cells[static_cast<size_t>(m)][p];
          if (cell.empty()) return nullptr;
          for (const auto& s : cell.front().scores)
            if (s.scorer == rs.scorer && s.wrong && !s.extracted.empty()) return &s;
          return nullptr;
        };
        for (size_t i = 0; i < models.size(); ++i) {
          const auto* mine = wrong_answer(models[i]);
          if (!mine) continue;
          // Chance: how often the panel's other wrong answers here equal R's.
          double same = 1, total = 2;  // add-one smoothing
          for (int k : panel) {
            if (k == models[i]) continue;
            if (const auto* s = wrong_answer(k)) {
              total += 1;
              same += s->extracted == rs.extracted;
            }
          }
          expected[i] += same / total;
          if (mine->extracted == rs.extracted) {
            observed[i] += 1;
            shared_wrong[i].push_back({p, rs.extracted});
          }
        }
      }
    }
    if (any) {
      auto& v = raw["errors"];
      v.assign(models.size(), 0.0);
      for (size_t i = 0; i < models.size(); ++i)
        v[i] = (observed[i] - expected[i]) / std::sqrt(expected[i] + 1.0);
    }
  }
  // (e) Choice distributions on probe/philosophy items (all samples), 1 - Jensen–Shannon.
  if (enabled("choices")) {
    std::vector<double> sums(models.size(), 0), counts(models.size(), 0);
    for (size_t p = 0; p < P; ++p) {
      auto dist = [&](int m) {
        std::map<std::string, double> d;
        double n = 0;
        for (const auto& e : c.cells[static_cast<size_t>(m)][p])
          for (const auto& s : e.scores)
            if (is_choice_scorer(s.scorer) && !s.extracted.empty()) {
              d[s.extracted] += 1;
              n += 1;
            }
        for (auto& [k, x] : d) x /= n;
        return d;
      };
      const auto dr = dist(R);
      if (dr.empty()) continue;
      for (size_t i = 0; i < models.size(); ++i) {
        const auto dm = dist(models[i]);
        if (dm.empty()) continue;
        std::set<std::string> keys;
        for (const auto& [k, x] : dr) keys.insert(k);
        for (const auto& [k, x] : dm) keys.insert(k);
        std::vector<double> a, b;
        for (const auto& k : keys) {
          a.push_back(dr.count(k) ? dr.at(k) : 0.0);
          b.push_back(dm.count(k) ? dm.at(k) : 0.0);
        }
        sums[i] += 1.0 - jensen_shannon(a, b);
        counts[i] += 1;
      }
    }
    bool any = false;
    for (double n : counts) any = any || n > 0;
    if (any) {
      auto& v = raw["choices"];
      v.assign(models.size(), NAN);
      for (size_t i = 0; i < models.size(); ++i)
        if (counts[i] > 0) v[i] = sums[i] / counts[i];
    }
  }

  // (f) Sample distributions where several samples per prompt exist: per prompt, the
  // Hamming-kernel MMD permutation p-value between C's and R's samples; the component is the
  // mean log10 p over those prompts (near 0 when C's samples look drawn like R's, very
  // negative when the two are told apart).
  std::vector<std::vector<std::pair<size_t, double>>> mmd_prompts(models.size());  // (prompt, p)
  if (enabled("mmd")) {
    auto samples = [&](int m, size_t p) {
      std::vector<std::string> out;
      const auto& cell = c.cells[static_cast<size_t>(m)][p];
      if (cell.size() < 2) return out;
      for (size_t k = 0; k < cell.size() && k < kMmdMaxSamples; ++k) out.push_back(cell[k].text);
      return out;
    };
    std::vector<double> sums(models.size(), 0);
    bool any = false;
    for (size_t p = 0; p < P; ++p) {
      const auto rs = samples(R, p);
      if (rs.empty()) continue;
      for (size_t i = 0; i < models.size(); ++i) {
        const auto ms = samples(models[i], p);
        if (ms.empty()) continue;
        const uint64_t seed = o.seed ^ (0x9E3779B97F4A7C15ULL * (p * c.models.size() + static_cast<size_t>(models[i]) + 1));
        const double pv = mmd_permutation_p(ms, rs, kMmdPermutations, seed);
        if (!std::isfinite(pv)) continue;
        sums[i] += std::log10(pv);
        mmd_prompts[i].push_back({p, pv});
        any = true;
      }
    }
    if (any) {
      auto& v = raw["mmd"];
      v.assign(models.size(), NAN);
      for (size_t i = 0; i < models.size(); ++i)
        if (!mmd_prompts[i].empty()) v[i] = sums[i] / static_cast<double>(mmd_prompts[i].size());
    }
  }

  // Standardise each component by the panel, sum into T.
  std::vector<double> T(models.size(), 0.0);
  std::vector<std::map<std::string, double>> comp_z(models.size());
  std::vector<std::string> used;
  for (const auto& [name, values] : raw) {
    std::vector<double> ref;
    for (int m : panel)
      if (std::isfinite(values[slot[static_cast<size_t>(m)]])) ref.push_back(values[slot[static_cast<size_t>(m)]]);
    const auto scale = robust_scale(ref);
    if (scale.scale <= 0) continue;
    used.push_back(name);
    for (size_t i = 0; i < models.size(); ++i) {
      const double z = std::isfinite(values[i]) ? clip(scale.z(values[i])) : 0.0;
      comp_z[i][name] = z;
      T[i] += z;
    }
  }

  DetectResult result;
  result.reference = o.reference;
  std::string comps;
  for (const auto& u : used) comps += (comps.empty() ? "" : "+") + u;
  result.method = fmt::format(
      "sum of panel-standardised component z-scores ({}); panel-calibrated robust Student-t null; "
      "Holm across candidates", comps.empty() ? "none available" : comps);
  result.null_hypothesis =
      "the candidate's statistic is drawn like an unrelated panel model's: "
      "(T - median) / (1.4826 MAD) of the panel's statistics (candidate left out) follows a "
      "Student t with 0.37 (n - 1) degrees of freedom";
  std::mt19937_64 rng(o.seed);
  for (int m : candidates) {
    const size_t i = slot[static_cast<size_t>(m)];
    CandidateResult cr;
    cr.model = c.models[static_cast<size_t>(m)];
    cr.statistic = T[i];
    cr.components = comp_z[i];
    cr.prompts = prompt_z[i].size();
    if (!raw_sim_n.empty() && raw_sim_n[i] > 0) cr.mean_similarity = raw_sim_sum[i] / raw_sim_n[i];
    std::vector<double> null_t;
    for (int k : panel)
      if (k != m) null_t.push_back(T[slot[static_cast<size_t>(k)]]);
    const auto scale = robust_scale(null_t);
    cr.z = null_t.size() >= 2 ? scale.z(T[i]) : 0.0;
    cr.p_value = null_t.size() >= 2 ? panel_upper_p(cr.z, null_t.size()) : 1.0;
    cr.score = 1.0 - cr.p_value;
    if (o.permutations > 0 && !prompt_z[i].empty()) {
      // Per prompt, the candidate's z is exchangeable with any panel model's under the null.
      std::vector<std::vector<double>> pool(P);
      for (int k : panel)
        for (const auto& [p, z] : prompt_z[slot[static_cast<size_t>(k)]]) pool[p].push_back(z);
      double observed = 0;
      for (const auto& [p, z] : prompt_z[i]) {
        observed += z;
        pool[p].push_back(z);
      }
      int at_least = 0;
      for (int r = 0; r < o.permutations; ++r) {
        double s = 0;
        for (const auto& [p, z] : prompt_z[i]) {
          std::uniform_int_distribution<size_t> pick(0, pool[p].size() - 1);
          s += pool[p][pick(rng)];
        }
        at_least += s >= observed - 1e-9;
      }
      cr.p_permutation = (1.0 + at_least) / (1.0 + o.permutations);
    }
    // Evidence a person can check.
    auto top = prompt_z[i];
    const size_t shown = std::min<size_t>(5, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<long>(shown), top.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
    top.resize(shown);
    if (comp_z[i].count("pair")) {
      Evidence e{"pair",
                 fmt::format("mean per-prompt similarity to {} is {:.2f} panel MADs above the "
                             "panel median over {} prompts (component z {:.2f})",
                             o.reference, raw["pair"][i], prompt_z[i].size(), comp_z[i]["pair"]),
                 {}, comp_z[i]["pair"]};
      for (size_t k = 0; k < top.size() && k < 5; ++k) e.prompt_ids.push_back(c.prompts[top[k].first]);
      cr.evidence.push_back(e);
    }
    if (text) {
      for (size_t k = 0; k < top.size() && k < 3; ++k) {
        const auto& pid = c.prompts[top[k].first];
        const auto phrases = shared_phrases(text(cr.model, pid), text(o.reference, pid), 6, 2);
        for (const auto& ph : phrases)
          cr.evidence.push_back({"shared-phrase", "\"" + ph + "\"", {pid}, top[k].second});
      }
    }
    if (comp_z[i].count("profile"))
      cr.evidence.push_back({"profile",
                             fmt::format("idiosyncrasy profile cosine with {} = {:.3f} (component z "
                                         "{:.2f}): shared deviations from the population in "
                                         "phrases, openers/closers and markdown habits",
                                         o.reference, raw["profile"][i], comp_z[i]["profile"]),
                             {}, comp_z[i]["profile"]});
    for (size_t k = 0; k < claims[i].size() && k < 3; ++k)
      cr.evidence.push_back({"identity", "claims: \"" + claims[i][k].second + "\"",
                             {c.prompts[claims[i][k].first]}, comp_z[i].count("identity") ? comp_z[i]["identity"] : 0.0});
    for (size_t k = 0; k < shared_wrong[i].size() && k < 5; ++k)
      cr.evidence.push_back({"shared-error",
                             "same wrong answer as the reference: " + shared_wrong[i][k].second,
                             {c.prompts[shared_wrong[i][k].first]},
                             comp_z[i].count("errors") ? comp_z[i]["errors"] : 0.0});
    if (comp_z[i].count("choices"))
      cr.evidence.push_back({"choices",
                             fmt::format("choice distributions agree with {}: 1 - JS = {:.3f}",
                                         o.reference, raw["choices"][i]),
                             {}, comp_z[i]["choices"]});
    if (comp_z[i].count("mmd")) {
      // The prompts where C's samples are least distinguishable from R's.
      auto closest = mmd_prompts[i];
      std::stable_sort(closest.begin(), closest.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      Evidence e{"mmd",
                 fmt::format("samples drawn like {}'s: two-sample MMD test (Hamming kernel on "
                             "characters, {} permutations) on {} prompts with >= 2 samples each, "
                             "mean -log10 p = {:.2f} (component z {:.2f})",
                             o.reference, kMmdPermutations, closest.size(), -raw["mmd"][i],
                             comp_z[i]["mmd"]),
                 {}, comp_z[i]["mmd"]};
      for (size_t k = 0; k < closest.size() && k < 5; ++k)
        e.prompt_ids.push_back(c.prompts[closest[k].first]);
      cr.evidence.push_back(e);
    }
    result.candidates.push_back(std::move(cr));
  }
  std::vector<double> ps;
  for (const auto& cr : result.candidates) ps.push_back(cr.p_value);
  const auto adjusted = holm_adjust(ps);
  for (size_t k = 0; k < result.candidates.size(); ++k) {
    auto& cr = result.candidates[k];
    cr.p_adjusted = adjusted[k];
    cr.verdict = cr.p_adjusted <= o.alpha             ? "distilled"
                 : cr.p_value > o.independent_above ? "independent"
                                                    : "inconclusive";
  }
  std::stable_sort(result.candidates.begin(), result.candidates.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return result;
}

}  // namespace ds::scorers::lineage
