#include "scorers/lineage/lineage_matrix.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <thread>

#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

LineageMatrix lineage_matrix(Detector& detector, unsigned threads, const ProgressFn& progress) {
  detector.precompute_similarities(threads);
  const Corpus& c = detector.corpus();
  LineageMatrix out;
  std::vector<int> live;
  for (size_t m = 0; m < c.models.size(); ++m) {
    if (c.answered(static_cast<int>(m))) {
      live.push_back(static_cast<int>(m));
      out.models.push_back(c.models[m]);
    }
  }
  const size_t n = live.size();
  out.similarity.assign(n, std::vector<double>(n, NAN));
  out.score.assign(n, std::vector<double>(n, NAN));
  out.verdict.assign(n, std::vector<std::string>(n));
  std::vector<std::vector<double>> pvalue(n, std::vector<double>(n, NAN)), z(n, std::vector<double>(n, NAN));
  // Per reference, only what the matrix keeps of each candidate: 230 full detection results
  // (texts of every null and component) would hold ~80 MB at once.
  struct Tested {
    std::string model;
    double mean_similarity, p_value, z;
    Verdict verdict;
  };
  std::vector<std::vector<Tested>> results(n);
  std::vector<std::string> methods(n);
  std::atomic<size_t> next{0}, finished{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t)
    pool.emplace_back([&] {
      for (size_t r = next++; r < n; r = next++) {
        DetectOptions o;
        o.reference = {out.models[r]};
        o.correction = Correction::None;  // each pair is its own test; the parent guess corrects below
        o.bootstrap = 0;
        o.evidence = false;
        const DetectResult d = detector.detect(o);
        methods[r] = d.method;
        for (const auto& cand : d.candidates)
          results[r].push_back({cand.model, cand.mean_similarity, cand.p_value, cand.z, cand.verdict});
        report_progress(progress, "references", ++finished, n);
      }
    });
  for (auto& t : pool) t.join();
  for (size_t r = 0; r < n; ++r) {
    if (r == 0) out.method = methods[r];
    out.similarity[r][r] = 1.0;
    for (const auto& cand : results[r]) {
      const size_t ci = static_cast<size_t>(
          std::lower_bound(out.models.begin(), out.models.end(), cand.model) - out.models.begin());
      out.similarity[ci][r] = cand.mean_similarity;
      out.score[ci][r] = std::isfinite(cand.p_value) ? 1.0 - cand.p_value : NAN;
      out.verdict[ci][r] = std::string(verdict_word(cand.verdict));
      z[ci][r] = cand.z;
      pvalue[ci][r] = cand.p_value;
    }
  }
  for (size_t ci = 0; ci < n; ++ci) {
    ParentGuess g;
    g.model = out.models[ci];
    std::vector<double> ps;
    std::vector<size_t> refs;
    for (size_t r = 0; r < n; ++r)
      if (r != ci && std::isfinite(pvalue[ci][r])) {
        ps.push_back(pvalue[ci][r]);
        refs.push_back(r);
      }
    if (!ps.empty()) {
      const auto adj = holm_adjust(ps);
      // The closest model is the one whose answers most resemble this model's (the similarity
      // the matrix shows). Not the highest z: a model that gives one answer to everything has
      // almost no spread in anyone's similarity to it, so any model's z against it is large.
      size_t best = 0;
      for (size_t k = 1; k < ps.size(); ++k)
        if (out.similarity[ci][refs[k]] > out.similarity[ci][refs[best]] ||
            !std::isfinite(out.similarity[ci][refs[best]]))
          best = k;
      g.parent = out.models[refs[best]];
      g.score = out.score[ci][refs[best]];
      g.p_value = ps[best];
      g.p_adjusted = adj[best];
      // Similarity has no direction: a teacher's likeliest "parent" is its own student, and
      // siblings of one family find each other. The verdict says "related", not "distilled".
      // Failing to detect is not evidence of independence: "not detected", never "unrelated".
      g.verdict = g.p_adjusted <= 0.05 ? "related" : "not detected";
    } else if (n > 1) {
      // No pair could be tested (panels too small): the closest model is the most similar one,
      // and the verdict says the test had too little to go on.
      size_t best = ci == 0 ? 1 : 0;
      for (size_t r = 0; r < n; ++r)
        if (r != ci && std::isfinite(out.similarity[ci][r]) &&
            !(out.similarity[ci][r] <= out.similarity[ci][best]))
          best = r;
      g.parent = out.models[best];
      g.score = g.p_value = g.p_adjusted = NAN;
      g.verdict = std::string(verdict_word(Verdict::InsufficientEvidence));
    }
    out.parents.push_back(g);
  }
  return out;
}

json lineage_to_json(const LineageMatrix& m) {
  auto num = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
  json sim = json::array(), score = json::array(), parents = json::array();
  for (size_t i = 0; i < m.models.size(); ++i) {
    json srow = json::array(), drow = json::array();
    for (size_t j = 0; j < m.models.size(); ++j) {
      srow.push_back(num(m.similarity[i][j]));
      drow.push_back(num(m.score[i][j]));
    }
    sim.push_back(srow);
    score.push_back(drow);
  }
  for (const auto& g : m.parents)
    parents.push_back({{"model", g.model},
                       {"parent", g.parent.empty() ? json(nullptr) : json(g.parent)},
                       {"score", num(g.score)},
                       {"p_value", num(g.p_value)},
                       {"p_adjusted", num(g.p_adjusted)},
                       {"verdict", g.verdict}});
  return {{"models", m.models},
          {"similarity", sim},
          {"similarity_measure", "mean per-prompt answer similarity (word 1-3-gram and character "
                                 "5-gram Jaccard, averaged)"},
          {"detect_score", score},
          {"detect_score_note", "detect_score[i][j]: score of model i as a student of model j"},
          {"parents", parents},
          {"parent_p_adjusted", "Holm across each model's possible parents"},
          {"parent_verdict", "related | not detected | insufficient evidence: similarity has no direction, so a related "
                             "pair may be teacher/student either way or siblings"},
          {"method", m.method}};
}

std::string lineage_table(const LineageMatrix& m) {
  std::string out = fmt::format("{:<34} {:<34} {:>6} {:>10} {:>10}  {}\n", "model",
                                "closest model (no direction)", "score", "p", "p (Holm)", "verdict");
  const auto shown = [](double x, const char* spec) {
    return std::isfinite(x) ? fmt::format(fmt::runtime(spec), x) : std::string("-");
  };
  for (const auto& g : m.parents)
    out += fmt::format("{:<34} {:<34} {:>6} {:>10} {:>10}  {}\n", g.model, g.parent.empty() ? "-" : g.parent,
                       shown(g.score, "{:.3f}"), shown(g.p_value, "{:.2e}"), shown(g.p_adjusted, "{:.2e}"), g.verdict);
  return out;
}

}  // namespace ds::scorers::lineage
