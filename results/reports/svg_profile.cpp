#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "results/reports/svg.hpp"
#include "results/reports/svg_charts.hpp"

namespace ds::results {

namespace {

constexpr double kRow = 16, kTop = 40, kPanel = 150, kGap = 30;

struct Panel {
  std::string title;
  double x0 = 0, lo = 0, hi = 1;
  double at(double v) const { return x0 + kPanel * (std::clamp(v, lo, hi) - lo) / (hi - lo); }
};

std::string estimate(const Panel& p, double y, std::optional<double> mean, std::optional<double> low,
                     std::optional<double> high) {
  if (!mean) return svg::text(p.x0 + kPanel / 2, y + 4, "unscored", "muted", "middle");
  std::string out;
  if (low && high)
    out += fmt::format("<line class=\"ci\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", svg::num(p.at(*low)),
                       svg::num(y), svg::num(p.at(*high)), svg::num(y));
  return out + fmt::format("<circle class=\"pt\" cx=\"{}\" cy=\"{}\" r=\"3\"/>", svg::num(p.at(*mean)),
                           svg::num(y));
}

}  // namespace

std::string svg_profile_chart(const std::vector<ModelRow>& models) {
  size_t longest = 10;
  for (const auto& m : models) longest = std::max(longest, std::min(m.name.size(), svg::kLabelChars) + (m.simulated ? 12 : 0));
  const double label_w = 6.5 * static_cast<double>(longest) + 10;
  std::vector<Panel> panels;
  for (const char* d : {"math", "coding", "creativity", "philosophy"})
    panels.push_back({d, label_w + static_cast<double>(panels.size()) * (kPanel + kGap), 0, 1});
  double g = 1;  // the gap panel is symmetric around 0
  for (const auto& m : models)
    for (const auto& v : {m.gap, m.gap_low, m.gap_high})
      if (v && std::isfinite(*v)) g = std::max(g, std::ceil(std::fabs(*v)));
  panels.push_back({"gap index", label_w + 4 * (kPanel + kGap), -g, g});
  const double width = label_w + 5 * (kPanel + kGap);
  const double height = kTop + kRow * static_cast<double>(models.size()) + 24;
  std::string out = svg::open(width, height, "profile", "humanity profile with 95% intervals");
  for (const auto& p : panels) {
    out += svg::text(p.x0 + kPanel / 2, 14, p.title, "title", "middle");
    const double bottom = kTop + kRow * static_cast<double>(models.size());
    for (double t : {p.lo, (p.lo + p.hi) / 2, p.hi}) {
      out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", svg::num(p.at(t)),
                         svg::num(kTop - 8), svg::num(bottom));
      out += svg::text(p.at(t), 30, fmt::format("{:g}", t), "muted", "middle");
    }
  }
  out += "<g class=\"rows\">";
  for (size_t r = 0; r < models.size(); ++r) {
    const auto& m = models[r];
    const double y = kTop + (static_cast<double>(r) + 0.5) * kRow;
    out += fmt::format("<g class=\"model\" data-model=\"{}\">", r);
    out += svg::text(label_w - 8, y + 4, svg::short_name(m.name) + (m.simulated ? " (simulated)" : ""), m.simulated ? "sim" : "", "end");
    for (size_t d = 0; d < 4; ++d) {
      const ProfileCell* cell = d < m.profile.size() ? &m.profile[d] : nullptr;
      out += cell ? estimate(panels[d], y, cell->mean, cell->ci_low, cell->ci_high)
                  : estimate(panels[d], y, std::nullopt, std::nullopt, std::nullopt);
    }
    out += estimate(panels[4], y, m.gap, m.gap_low, m.gap_high);
    out += "</g>";
  }
  out += "</g>\n";
  out += svg::text(label_w, height - 6,
                   "dots: mean score; lines: 95% bootstrap interval over items; gap index in "
                   "z-score units",
                   "muted");
  return out + "</svg>\n";
}

}  // namespace ds::results
