#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "results/reports/markup.hpp"
#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

constexpr int kBuckets = 10;
constexpr double kDendrogramWidth = 150, kTop = 30, kLabelLimit = 80;

struct Layout {
  size_t n = 0;
  double cell = 0, left = 0, labels = 0, width = 0, height = 0;
};

Layout layout_for(size_t n) {
  Layout l;
  l.n = n;
  l.cell = std::clamp(900.0 / static_cast<double>(std::max<size_t>(n, 1)), 3.0, 22.0);
  l.left = kDendrogramWidth + 8;
  l.labels = n <= kLabelLimit ? 230 : 20;
  l.width = std::max(l.left + l.cell * static_cast<double>(n) + l.labels, l.left + 330);
  l.height = kTop + l.cell * static_cast<double>(n) + 64;
  return l;
}

// Colour buckets span the off-diagonal range of the statistic.
std::pair<double, double> value_range(const LineageMap& m) {
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < m.models.size(); ++i)
    for (size_t j = 0; j < m.models.size(); ++j)
      if (i != j && std::isfinite(m.statistic[i][j])) {
        lo = std::min(lo, m.statistic[i][j]);
        hi = std::max(hi, m.statistic[i][j]);
      }
  if (!std::isfinite(lo)) return {0, 1};
  return {lo, hi > lo ? hi : lo + 1e-9};
}

bool is_reference(const LineageMap& m, size_t model) {
  return std::find(m.reference.begin(), m.reference.end(), m.models[model]) != m.reference.end();
}

std::string dendrogram(const LineageMap& m, const Layout& l) {
  const size_t n = m.models.size();
  std::vector<double> x(2 * n, kDendrogramWidth), y(2 * n, 0);
  for (size_t pos = 0; pos < m.order.size(); ++pos)
    y[m.order[pos]] = kTop + (static_cast<double>(pos) + 0.5) * l.cell;
  double top = 0;
  for (const auto& merge : m.merges) top = std::max(top, merge.height);
  if (top <= 0) top = 1;
  std::string out = "<g class=\"dendrogram\">";
  for (size_t k = 0; k < m.merges.size(); ++k) {
    const auto& mg = m.merges[k];
    const size_t node = n + k;
    x[node] = kDendrogramWidth * (1 - mg.height / top);
    y[node] = (y[mg.left] + y[mg.right]) / 2;
    out += fmt::format("<path d=\"M{} {}H{}V{}H{}\"/>", svg::num(x[mg.left]), svg::num(y[mg.left]),
                       svg::num(x[node]), svg::num(y[mg.right]), svg::num(x[mg.right]));
  }
  return out + "</g>\n";
}

}  // namespace

std::string svg_lineage_heatmap(const LineageMap& m, bool titles) {
  const size_t n = m.models.size();
  const Layout l = layout_for(n);
  const auto [lo, hi] = value_range(m);
  std::string out = svg::open(l.width, l.height, "heatmap", "lineage map: " + m.statistic_label);
  out += svg::text(l.left, 14, m.statistic_label + ", ordered by average-linkage clustering", "title");
  out += dendrogram(m, l);
  out += fmt::format("<g class=\"cells\" data-models=\"{}\" data-cell=\"{}\" transform=\"translate({} {})\">",
                     n, svg::num(l.cell), svg::num(l.left), svg::num(kTop));
  const std::string size = svg::num(l.cell);
  for (size_t r = 0; r < n; ++r) {
    const size_t i = m.order[r];
    for (size_t c = 0; c < n; ++c) {
      const size_t j = m.order[c];
      const double v = m.statistic[i][j];
      std::string cls = "hd";
      if (i != j) {
        cls = std::isfinite(v) ? fmt::format("h{}", std::clamp(static_cast<int>((v - lo) / (hi - lo) * kBuckets), 0, kBuckets - 1))
                               : "hn";
      }
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\">",
                         svg::num(static_cast<double>(c) * l.cell), svg::num(static_cast<double>(r) * l.cell),
                         size, size, cls);
      if (titles && i != j)
        out += fmt::format("<title>{} × {}: {} ({})</title>", xml_escape(m.models[i]), xml_escape(m.models[j]),
                           svg::value(v), xml_escape(m.verdict[i][j].empty() ? "no verdict" : m.verdict[i][j]));
      out += "</rect>";
    }
  }
  // The reference's rows and columns (every member of a reference family), outlined.
  const double span = l.cell * static_cast<double>(n);
  for (size_t r = 0; r < n; ++r) {
    if (!is_reference(m, m.order[r])) continue;
    const double pos = static_cast<double>(r) * l.cell;
    out += fmt::format("<rect class=\"ref\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", svg::num(pos),
                       svg::num(span), size);
    out += fmt::format("<rect class=\"ref\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"/>", svg::num(pos),
                       size, svg::num(span));
  }
  out += "</g>\n<g class=\"labels\">";
  const double label_x = l.left + l.cell * static_cast<double>(n) + 4;
  for (size_t r = 0; r < n; ++r) {
    const size_t i = m.order[r];
    const double cy = kTop + (static_cast<double>(r) + 0.5) * l.cell;
    if (m.simulated[i])
      out += fmt::format("<circle class=\"simmark\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", svg::num(label_x + 3),
                         svg::num(cy), svg::num(std::min(3.0, l.cell / 2)));
    if (n <= kLabelLimit) {
      const std::string label = svg::short_name(m.models[i]) + (is_reference(m, i) ? "  (reference)" : "");
      out += svg::text(label_x + 10, cy + 4, label, m.simulated[i] ? "sim" : "");
    }
  }
  out += "</g>\n";
  // Legend: the colour scale and what the marks mean.
  const double ly = kTop + l.cell * static_cast<double>(n) + 14;
  for (int b = 0; b < kBuckets; ++b)
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" class=\"h{}\"/>",
                       svg::num(l.left + 14 * b), svg::num(ly), b);
  out += svg::text(l.left, ly + 24, svg::value(lo), "muted");
  out += svg::text(l.left + 14 * kBuckets, ly + 24, svg::value(hi), "muted", "end");
  out += svg::text(l.left, ly + 40, "red outline: the reference; orange dot: simulated model", "muted");
  return out + "</svg>\n";
}

}  // namespace ds::results
