#include "results/reports/svg.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "results/reports/markup.hpp"

namespace ds::results::svg {

const char* const kStyle = R"CSS(
text{font:11px system-ui,sans-serif;fill:#222}
.title{font-weight:600;font-size:12px}
.muted{fill:#777}
.sim{fill:#a05a00}
.axis{stroke:#999;stroke-width:1}
.grid{stroke:#e4e4e4;stroke-width:1}
.h0{fill:#f7fbff}.h1{fill:#deebf7}.h2{fill:#c6dbef}.h3{fill:#9ecae1}.h4{fill:#6baed6}
.h5{fill:#4292c6}.h6{fill:#2171b5}.h7{fill:#08519c}.h8{fill:#08306b}.h9{fill:#041c44}
.hd{fill:#bbb}.hn{fill:#fff}
.ref{fill:none;stroke:#d62728;stroke-width:1.5}
.dendrogram path{fill:none;stroke:#555;stroke-width:1}
.simmark{fill:#e08a00}
.ci{stroke:#4a6fa5;stroke-width:2}
.pt{fill:#1f3d6b}
.threshold{stroke:#c0392b;stroke-width:2}
.distilled{fill:#c0392b;stroke:#c0392b}
.not-detected{fill:#777;stroke:#777}
.insufficient{fill:#b8860b;stroke:#b8860b}
text.distilled,text.not-detected,text.insufficient{stroke:none}
)CSS";

std::string num(double x) {
  if (!std::isfinite(x)) return "0";
  const double r = std::round(x * 10) / 10;
  return r == std::floor(r) ? fmt::format("{:.0f}", r) : fmt::format("{:.1f}", r);
}

std::string open(double width, double height, std::string_view css_class, std::string_view label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"{}\"><style>{}</style>\n",
      css_class, num(width), num(height), num(width), num(height), xml_escape(label), kStyle);
}

std::string text(double x, double y, std::string_view content, std::string_view css_class,
                 std::string_view anchor) {
  return fmt::format("<text x=\"{}\" y=\"{}\"{}{}>{}</text>", num(x), num(y),
                     css_class.empty() ? "" : fmt::format(" class=\"{}\"", css_class),
                     anchor == "start" ? "" : fmt::format(" text-anchor=\"{}\"", anchor),
                     xml_escape(content));
}

std::string short_name(std::string_view name, size_t max_chars) {
  // Count characters, not bytes; cut at character starts.
  std::vector<size_t> starts;
  for (size_t i = 0; i < name.size(); ++i)
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (starts.size() <= max_chars || max_chars < 3) return std::string(name);
  const size_t head = (max_chars - 1) / 2, tail = max_chars - 1 - head;
  return std::string(name.substr(0, starts[head])) + "…" + std::string(name.substr(starts[starts.size() - tail]));
}

std::string value(double x) {
  if (!std::isfinite(x)) return "n/a";
  if (x != 0 && std::fabs(x) < 1e-3) return fmt::format("{:.1e}", x);
  return fmt::format("{:.3f}", x);
}

}  // namespace ds::results::svg
