#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

constexpr double kRow = 16, kTop = 46, kPlot = 420, kMaxLog = 16;

double log_p(double p) { return std::min(kMaxLog, -std::log10(std::max(p, 1e-300))); }

}  // namespace

std::string svg_detection_strip(const DetectionView& d) {
  size_t longest = 10;
  for (const auto& c : d.candidates) longest = std::max(longest, c.model.size() + (c.simulated ? 12 : 0));
  const double label_w = std::min(260.0, 6.5 * static_cast<double>(longest)) + 10;
  double xmax = 3;
  for (const auto& c : d.candidates) xmax = std::max(xmax, std::ceil(log_p(c.p_value)));
  const auto x = [&](double lp) { return label_w + kPlot * std::clamp(lp, 0.0, xmax) / xmax; };
  const double bottom = kTop + kRow * static_cast<double>(d.candidates.size());
  const double width = label_w + kPlot + 170, height = bottom + 40;
  std::string out = svg::open(width, height, "detection", "detection against " + d.reference);
  out += svg::text(label_w, 14, "evidence against the null, -log10 p (right = stronger)", "title");
  // Under the null p is uniform: 95% of unrelated candidates fall left of -log10(0.05).
  const double null_edge = x(-std::log10(0.05));
  out += fmt::format("<rect class=\"null\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", svg::num(label_w),
                     svg::num(kTop - 6), svg::num(null_edge - label_w), svg::num(bottom - kTop + 6));
  out += svg::text(label_w + 4, kTop - 10, "95% of unrelated models (null)", "muted");
  const double th = x(-std::log10(d.alpha));
  out += fmt::format("<line class=\"threshold\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", svg::num(th),
                     svg::num(kTop - 24), svg::num(bottom));
  out += svg::text(th + 4, kTop - 24, fmt::format("distilled: adjusted p ≤ {:g}", d.alpha), "distilled");
  for (double t = 0; t <= xmax; t += xmax > 8 ? 2 : 1) {
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", svg::num(x(t)),
                       svg::num(bottom), svg::num(bottom + 4));
    out += svg::text(x(t), bottom + 16, fmt::format("{:g}", t), "muted", "middle");
  }
  out += "<g class=\"candidates\">";
  for (size_t r = 0; r < d.candidates.size(); ++r) {
    const auto& c = d.candidates[r];
    const double y = kTop + (static_cast<double>(r) + 0.5) * kRow;
    const std::string cls = verdict_class(c.verdict);
    out += fmt::format("<g class=\"candidate\" data-model=\"{}\">", r);
    out += svg::text(label_w - 8, y + 4, c.simulated ? c.model + " (simulated)" : c.model, c.simulated ? "sim" : "", "end");
    const double raw = x(log_p(c.p_value)), adj = x(log_p(c.p_adjusted));
    out += fmt::format("<line class=\"correction {}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", cls,
                       svg::num(adj), svg::num(y), svg::num(raw), svg::num(y));
    out += fmt::format("<circle class=\"raw {}\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/>", cls, svg::num(raw), svg::num(y));
    out += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/>", cls, svg::num(adj), svg::num(y));
    out += svg::text(label_w + kPlot + 12, y + 4, c.verdict, cls);
    out += "</g>";
  }
  out += "</g>\n";
  out += svg::text(label_w, height - 6,
                   "open circle: p-value; filled: adjusted for multiplicity (" + d.correction + ")", "muted");
  return out + "</svg>\n";
}

}  // namespace ds::results
