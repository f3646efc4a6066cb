#include "scorers/lineage/probe_distributions.hpp"

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <map>

#include "core/hash.hpp"
#include "core/rng.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

namespace {

// Two permuted statistics closer than this are ties (the same counts summed in another order).
constexpr double kTie = 1e-12;

// JSD between the empirical distributions of pooled[0, nx) and pooled[nx, end).
double split_jsd(const std::vector<int>& pooled, size_t nx, size_t categories) {
  std::vector<double> a(categories, 0.0), b(categories, 0.0);
  for (size_t i = 0; i < pooled.size(); ++i) (i < nx ? a : b)[static_cast<size_t>(pooled[i])] += 1;
  const double na = static_cast<double>(nx), nb = static_cast<double>(pooled.size() - nx);
  for (auto& v : a) v /= na;
  for (auto& v : b) v /= nb;
  return jensen_shannon(a, b);
}

size_t category_count(const std::vector<int>& x, const std::vector<int>& y) {
  int top = -1;
  for (int v : x) top = std::max(top, v);
  for (int v : y) top = std::max(top, v);
  return static_cast<size_t>(top + 1);
}

std::vector<int> pooled_samples(const std::vector<int>& x, const std::vector<int>& y) {
  std::vector<int> pooled(x);
  pooled.insert(pooled.end(), y.begin(), y.end());
  return pooled;
}

// A stream per (prompt, model) that does not depend on which other models are compared.
uint64_t comparison_seed(uint64_t seed, const std::string& prompt, const std::string& model) {
  return seed ^ stable_hash(prompt + std::string(1, '\0') + model);
}

}  // namespace

double probe_closeness(const std::vector<int>& x, const std::vector<int>& y) {
  if (x.empty() || y.empty()) return NAN;
  return 1.0 - split_jsd(pooled_samples(x, y), x.size(), category_count(x, y));
}

double probe_homogeneity_p(const std::vector<int>& x, const std::vector<int>& y, int permutations,
                           uint64_t seed) {
  if (x.empty() || y.empty() || permutations <= 0) return NAN;
  const size_t categories = category_count(x, y);
  std::vector<int> pooled = pooled_samples(x, y);
  const double observed = split_jsd(pooled, x.size(), categories);
  SplitMix64 rng(seed);
  int greater = 0, equal = 0;
  for (int b = 0; b < permutations; ++b) {
    rng.shuffle(pooled);
    const double t = split_jsd(pooled, x.size(), categories);
    if (t > observed + kTie) ++greater;
    else if (t >= observed - kTie) ++equal;
  }
  // The observed value ranks uniformly among its ties: exactly uniform under the null.
  const double u = 1.0 - rng.uniform01();  // (0, 1]
  return (greater + u * (equal + 1)) / (permutations + 1.0);
}

double fisher_combined_p(const std::vector<double>& p) {
  double x = 0;
  size_t k = 0;
  for (double v : p) {
    if (!std::isfinite(v)) continue;
    x += -2.0 * std::log(std::max(v, 1e-300));
    ++k;
  }
  if (k == 0) return NAN;
  return boost::math::gamma_q(static_cast<double>(k), x / 2.0);
}

ProbeAnswers probe_answers(const Corpus& corpus) {
  ProbeAnswers out;
  out.models = corpus.models;
  const size_t M = corpus.models.size();
  for (size_t p = 0; p < corpus.prompts.size(); ++p) {
    if (p >= corpus.kinds.size() || corpus.kinds[p] != SuiteKind::probes) continue;
    std::vector<std::vector<std::string>> row(M);
    bool any = false;
    for (size_t m = 0; m < M; ++m)
      for (const auto& entry : corpus.cells[m][p])
        for (const auto& s : entry.scores)
          if (!s.extracted.empty()) {
            row[m].push_back(s.extracted);
            any = true;
            break;
          }
    if (!any) continue;
    out.prompts.push_back(corpus.prompts[p]);
    out.corpus_prompts.push_back(p);
    out.answers.push_back(std::move(row));
  }
  return out;
}

std::vector<ProbeModelResult> compare_probe_distributions(const ProbeAnswers& answers, size_t reference,
                                                          const ProbeOptions& options) {
  const size_t M = answers.models.size();
  std::vector<ProbeModelResult> results(M);
  std::vector<double> closeness_sum(M, 0.0);
  std::vector<char> wanted(M, options.only.empty() ? 1 : 0);
  for (size_t m : options.only)
    if (m < M) wanted[m] = 1;
  for (size_t p = 0; p < answers.prompts.size(); ++p) {
    const auto& ref = answers.answers[p][reference];
    if (ref.empty()) continue;
    // Category ids for this prompt, shared by every model.
    std::map<std::string, int> ids;
    auto encode = [&](const std::vector<std::string>& cats, size_t n) {
      std::vector<int> out;
      for (size_t k = 0; k < n; ++k) out.push_back(ids.emplace(cats[k], static_cast<int>(ids.size())).first->second);
      return out;
    };
    for (size_t m = 0; m < M; ++m) {
      const auto& mine = answers.answers[p][m];
      if (mine.empty() || !wanted[m]) continue;
      const size_t n = std::min(mine.size(), ref.size());
      const std::vector<int> x = encode(mine, n), y = encode(ref, n);
      ProbePromptComparison cmp;
      cmp.prompt = p;
      cmp.samples = n;
      cmp.jsd = 1.0 - probe_closeness(x, y);
      if (options.permutations > 0)
        cmp.p_same = probe_homogeneity_p(
            x, y, options.permutations, comparison_seed(options.seed, answers.prompts[p], answers.models[m]));
      closeness_sum[m] += 1.0 - cmp.jsd;
      results[m].comparisons.push_back(cmp);
    }
  }
  for (size_t m = 0; m < M; ++m) {
    auto& r = results[m];
    if (r.comparisons.empty()) continue;
    r.value = closeness_sum[m] / static_cast<double>(r.comparisons.size());
    if (options.permutations > 0) {
      std::vector<double> ps;
      for (const auto& c : r.comparisons) ps.push_back(c.p_same);
      r.p_same = fisher_combined_p(ps);
    }
  }
  return results;
}

}  // namespace ds::scorers::lineage
