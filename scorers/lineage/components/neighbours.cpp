// neighbours (candidate-centred): the reference's standing among the candidate's nearest
// models, with the candidate's sibling cluster set aside. Students sit closest to their
// base-model siblings (fine-tunes of one base on similar data), and a reference's current
// version drifts from the one they learnt from, so from the reference's side a student can rank
// below unrelated models; from the student's side, once its siblings are set aside, the
// reference is the closest.
//
// Similarity: mean per-prompt answer similarity (similarity.hpp) between whole models. The
// sibling cluster of X: the largest set K containing X (at most a quarter of the models) in
// which every member's |K| - 1 nearest models are exactly the other members (the reference's
// family is left out of this search). Value: the robust z of sim(X, R) among X's similarities
// to every model outside K and outside the reference's family.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scorers/lineage/components/registry_entries.hpp"
#include "core/statistics.hpp"

namespace ds::scorers::lineage {

namespace {

struct Neighbourhood {
  std::vector<int> models;               // V: answered models outside the reference's family
  std::vector<std::vector<int>> order;   // per index into V: the others (indices into V), nearest first
  std::vector<std::vector<size_t>> rank;  // rank[a][b]: position of b in a's order
};

Neighbourhood neighbourhood(const ComponentInput& in, const std::vector<std::vector<double>>& S) {
  Neighbourhood nb;
  for (size_t m = 0; m < in.corpus.models.size(); ++m)
    if (in.corpus.answered(static_cast<int>(m)) &&
        std::find(in.family.begin(), in.family.end(), static_cast<int>(m)) == in.family.end())
      nb.models.push_back(static_cast<int>(m));
  const size_t V = nb.models.size();
  nb.order.assign(V, {});
  nb.rank.assign(V, std::vector<size_t>(V, SIZE_MAX));
  for (size_t a = 0; a < V; ++a) {
    auto sim = [&](size_t b) {
      const double s = S[static_cast<size_t>(nb.models[a])][static_cast<size_t>(nb.models[b])];
      return std::isfinite(s) ? s : -1.0;
    };
    for (size_t b = 0; b < V; ++b)
      if (b != a) nb.order[a].push_back(static_cast<int>(b));
    std::stable_sort(nb.order[a].begin(), nb.order[a].end(), [&](int x, int y) { return sim(x) > sim(y); });
    for (size_t k = 0; k < nb.order[a].size(); ++k) nb.rank[a][static_cast<size_t>(nb.order[a][k])] = k;
  }
  return nb;
}

// The largest cluster around x (indices into V, x first) in which each member's nearest
// models are the other members.
std::vector<int> sibling_cluster(const Neighbourhood& nb, int x) {
  const size_t V = nb.models.size();
  const size_t max_size = std::max<size_t>(1, (V - 1) / 4);
  std::vector<int> best{x}, cluster{x};
  for (size_t j = 0; j < max_size && j < nb.order[static_cast<size_t>(x)].size(); ++j) {
    cluster.push_back(nb.order[static_cast<size_t>(x)][j]);
    bool closed = true;
    for (int a : cluster) {
      for (int b : cluster)
        if (a != b && nb.rank[static_cast<size_t>(a)][static_cast<size_t>(b)] + 2 > cluster.size()) closed = false;
      if (!closed) break;
    }
    if (closed) best = cluster;
  }
  return best;
}

}  // namespace

ComponentValues neighbours_component(const ComponentInput& in) {
  const auto& S = in.similarity.mean_matrix();
  const Neighbourhood nb = neighbourhood(in, S);
  ComponentValues out;
  const size_t n = in.models.size();
  out.value.assign(n, NAN);
  out.evidence.assign(n, {});
  out.set_aside.assign(n, {});
  std::vector<size_t> index_in_v(in.corpus.models.size(), SIZE_MAX);
  for (size_t v = 0; v < nb.models.size(); ++v) index_in_v[static_cast<size_t>(nb.models[v])] = v;
  const size_t R = static_cast<size_t>(in.reference);
  for (size_t i = 0; i < n; ++i) {
    const size_t x = index_in_v[static_cast<size_t>(in.models[i])];
    if (x == SIZE_MAX) continue;
    const double to_reference = S[static_cast<size_t>(in.models[i])][R];
    if (!std::isfinite(to_reference)) continue;
    const auto cluster = sibling_cluster(nb, static_cast<int>(x));
    std::vector<double> others;
    for (int o : nb.order[x]) {
      if (std::find(cluster.begin(), cluster.end(), o) != cluster.end()) continue;
      const double s = S[static_cast<size_t>(in.models[i])][static_cast<size_t>(nb.models[static_cast<size_t>(o)])];
      if (std::isfinite(s)) others.push_back(s);
    }
    if (others.size() < 3) continue;
    const auto scale = robust_scale(others);
    out.value[i] = std::clamp(scale.z(to_reference), -kClip, kClip);
    for (size_t k = 1; k < cluster.size(); ++k)
      out.set_aside[i].push_back(in.corpus.models[static_cast<size_t>(nb.models[static_cast<size_t>(cluster[k])])]);
    const size_t closer = static_cast<size_t>(std::count_if(others.begin(), others.end(), [&](double s) { return s > to_reference; }));
    Evidence e;
    e.kind = "neighbours";
    std::string siblings;
    for (const auto& s : out.set_aside[i]) siblings += (siblings.empty() ? "" : ", ") + s;
    e.detail = fmt::format(
        "seen from this model, {} ranks {} of {} among the models outside its sibling cluster ({}); "
        "mean similarity {:.3f} vs their median {:.3f}",
        in.reference_name, closer + 1, others.size() + 1, siblings.empty() ? "none found" : siblings,
        to_reference, scale.center);
    out.evidence[i].push_back(std::move(e));
  }
  return out;
}

}  // namespace ds::scorers::lineage
