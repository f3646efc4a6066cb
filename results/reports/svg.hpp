#pragma once
// Small helpers shared by the SVG charts (heatmap, profile, detection strip). Charts are
// plain SVG with classes; their colours come from kSvgStyle, embedded in each chart so an
// .svg file beside a markdown report looks the same as the chart inline in the HTML page.
#include <string>
#include <string_view>
#include "results/layer.hpp"

namespace ds::results::svg {

inline constexpr size_t kLabelChars = 38;

// A coordinate with at most one decimal ("12", "12.5").
std::string num(double x);

// <svg ...> with a viewBox, the chart's class and the shared style; close with "</svg>".
std::string open(double width, double height, std::string_view css_class, std::string_view label);

// <text> at (x, y), escaped; anchor "start" | "middle" | "end".
std::string text(double x, double y, std::string_view content, std::string_view css_class = "",
                 std::string_view anchor = "start");

// A model name for a chart label: at most `max_chars` characters, the middle elided ("…")
// so the distinguishing end of "krikri-...-run4" stays visible.
std::string short_name(std::string_view name, size_t max_chars = kLabelChars);

// Rounded for display: "0.412", "1.2e-05".
std::string value(double x);

extern const char* const kStyle;

}  // namespace ds::results::svg
