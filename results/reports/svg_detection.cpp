// The detection forest plot: each candidate's z (its statistic standardised against the panel)
// with the detector's 95% prompt-bootstrap interval, and the z this candidate would have needed
// for a `distilled` verdict (the detector's detectable_z), so the verdict can be read off the
// picture: a dot right of its threshold mark is `distilled`.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

constexpr double kRow = 16, kTop = 46, kPlot = 420;

struct Axis {
  double lo = -3, hi = 3, x0 = 0;
  double at(double z) const { return x0 + kPlot * (std::clamp(z, lo, hi) - lo) / (hi - lo); }
};

Axis axis_for(const lineage::DetectResult& r, double x0) {
  Axis a;
  a.x0 = x0;
  for (const auto& c : r.candidates)
    for (double z : {c.z, c.z_interval.low, c.z_interval.high, c.detectable_z})
      if (std::isfinite(z)) {
        a.lo = std::min(a.lo, std::floor(z));
        a.hi = std::max(a.hi, std::ceil(z));
      }
  return a;
}

std::string line(const char* cls, double x1, double y1, double x2, double y2) {
  return fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", cls, svg::num(x1), svg::num(y1),
                     svg::num(x2), svg::num(y2));
}

std::string candidate_row(const lineage::CandidateResult& c, bool simulated, const Axis& a, double label_w, double y) {
  const std::string cls = verdict_class(c.verdict);
  std::string out = svg::text(label_w - 8, y + 4, svg::short_name(c.model) + (simulated ? " (simulated)" : ""),
                              simulated ? "sim" : "", "end");
  if (std::isfinite(c.z_interval.low) && std::isfinite(c.z_interval.high))
    out += line("ci", a.at(c.z_interval.low), y, a.at(c.z_interval.high), y);
  if (std::isfinite(c.detectable_z)) out += line("threshold", a.at(c.detectable_z), y - 6, a.at(c.detectable_z), y + 6);
  if (std::isfinite(c.z))
    out += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/>", cls, svg::num(a.at(c.z)), svg::num(y));
  else
    out += svg::text(a.at(0), y + 4, "z not measured", "muted", "middle");
  return out + svg::text(label_w + kPlot + 12, y + 4, std::string(lineage::verdict_word(c.verdict)), cls);
}

}  // namespace

std::string svg_detection_strip(const DetectionView& d) {
  const lineage::DetectResult& r = d.result;
  size_t longest = 10;
  for (size_t i = 0; i < r.candidates.size(); ++i)
    longest = std::max(longest, std::min(r.candidates[i].model.size(), svg::kLabelChars) + (d.simulated[i] ? 12 : 0));
  const double label_w = 6.5 * static_cast<double>(longest) + 10;
  const Axis a = axis_for(r, label_w);
  const double bottom = kTop + kRow * static_cast<double>(r.candidates.size());
  const double width = label_w + kPlot + 170, height = bottom + 72;
  std::string out = svg::open(width, height, "detection", "detection against " + r.reference_label);
  out += svg::text(label_w, 14, "z: the candidate's statistic against the panel (right = more alike the reference)",
                   "title");
  out += line("grid", a.at(0), kTop - 6, a.at(0), bottom);
  out += svg::text(a.at(0), kTop - 10, "panel median", "muted", "middle");
  const double step = a.hi - a.lo > 16 ? 4 : a.hi - a.lo > 8 ? 2 : 1;
  for (double t = std::ceil(a.lo / step) * step; t <= a.hi; t += step) {
    out += line("grid", a.at(t), bottom, a.at(t), bottom + 4);
    out += svg::text(a.at(t), bottom + 16, fmt::format("{:g}", t), "muted", "middle");
  }
  out += "<g class=\"candidates\">";
  for (size_t i = 0; i < r.candidates.size(); ++i) {
    const double y = kTop + (static_cast<double>(i) + 0.5) * kRow;
    out += fmt::format("<g class=\"candidate\" data-model=\"{}\">", i);
    out += candidate_row(r.candidates[i], d.simulated[i], a, label_w, y) + "</g>";
  }
  out += "</g>\n";
  out += svg::text(label_w, height - 38, "dot: z; line: its 95% prompt-bootstrap interval", "muted");
  out += svg::text(label_w, height - 22, "red tick: the smallest z this panel calls `distilled`", "muted");
  out += svg::text(label_w, height - 6,
                   fmt::format("verdict: distilled when the adjusted p ≤ {:g} ({}, {} candidates)", r.alpha,
                               lineage::correction_name(r.correction), r.family_size),
                   "muted");
  return out + "</svg>\n";
}

}  // namespace ds::results
