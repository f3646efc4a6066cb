#include "scorers/lineage/measurement.hpp"

#include <algorithm>
#include <cmath>

namespace ds::scorers::lineage {

namespace {

// Against the panel only: the scale is the same whichever candidates are named beside it, so a
// named candidate's statistic does not depend on the others.
RobustScale scale_of(const std::vector<double>& values, const std::vector<char>& in_panel) {
  std::vector<double> pool;
  for (size_t i = 0; i < values.size(); ++i)
    if (in_panel[i] && std::isfinite(values[i])) pool.push_back(values[i]);
  return pool.size() >= 3 ? robust_scale(pool) : RobustScale{};
}

double clipped_z(const RobustScale& s, double v) {
  return std::isfinite(v) ? std::clamp(s.z(v), -kClip, kClip) : 0.0;
}

}  // namespace

double Measurement::z(size_t c, size_t i) const { return clipped_z(scales[c], values[c].value[i]); }

Measurement measure(const ComponentInput& in, const std::vector<std::string>& components) {
  Measurement m;
  m.reference = in.reference;
  m.in_panel = in.in_panel;
  const size_t n = in.models.size();
  m.T.assign(n, 0.0);
  m.measured.assign(n, 0);
  m.shared_prompts.assign(n, 0);
  const auto& rcells = in.corpus.cells[static_cast<size_t>(in.reference)];
  for (size_t i = 0; i < n; ++i)
    for (size_t p = 0; p < rcells.size(); ++p)
      m.shared_prompts[i] += !rcells[p].empty() && !in.corpus.cells[static_cast<size_t>(in.models[i])][p].empty();
  for (const auto& name : components) {
    const Component* component = find_component(name);
    if (!component) continue;
    ComponentValues v = component->compute(in);
    const RobustScale s = scale_of(v.value, m.in_panel);
    if (s.scale <= 0) continue;  // absent, or no spread: it cannot tell models apart
    m.used.push_back(name);
    for (size_t i = 0; i < n; ++i) {
      m.T[i] += clipped_z(s, v.value[i]);
      m.measured[i] += std::isfinite(v.value[i]);
    }
    m.values.push_back(std::move(v));
    m.scales.push_back(s);
  }
  return m;
}

std::vector<double> reweighted_statistic(const Measurement& m, const std::vector<uint32_t>& w) {
  const size_t n = m.T.size();
  std::vector<double> T(n, 0.0), v(n);
  for (size_t c = 0; c < m.values.size(); ++c) {
    const auto& cv = m.values[c];
    if (cv.per_prompt.empty()) {
      for (size_t i = 0; i < n; ++i) T[i] += m.z(c, i);
      continue;
    }
    for (size_t i = 0; i < n; ++i) {
      double sum = 0, weight = 0;
      for (const auto& pv : cv.per_prompt[i]) {
        sum += w[pv.prompt] * static_cast<double>(pv.value);
        weight += w[pv.prompt];
      }
      v[i] = weight > 0 ? sum / weight : NAN;
    }
    const RobustScale s = scale_of(v, m.in_panel);
    for (size_t i = 0; i < n; ++i) T[i] += clipped_z(s, v[i]);
  }
  return T;
}

}  // namespace ds::scorers::lineage
