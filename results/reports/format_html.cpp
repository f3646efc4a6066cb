#include "results/reports/format_html.hpp"

#include <fmt/format.h>

#include "results/reports/html_assets.hpp"
#include "results/reports/html_sections.hpp"
#include "results/reports/markup.hpp"

namespace ds::results {

std::string format_html(const ReportData& d) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width\"><title>distillscope report</title><style>{}</style></head><body>\n"
      "<header><h1>distillscope report</h1><p>Source: <code>{}</code>",
      html::kStyle, xml_escape(d.source));
  bool any_simulated = false;
  for (const auto& m : d.models) any_simulated |= m.simulated;
  if (any_simulated)
    out += " · <span class=\"sim\">Models marked (simulated) are deterministic simulations from "
           "<code>distillscope serve --simulate</code>, not real models.</span>";
  out += "</p>\n";
  out += "<nav><a href=\"#summary\">Summary</a><a href=\"#lineage\">Lineage map</a>"
         "<a href=\"#profile\">Humanity profile</a><a href=\"#detection\">Detection in detail</a>"
         "<a href=\"#scores\">Scores</a><a href=\"#viewer-section\">Prompts and answers</a></nav></header>\n";
  // What was found first, then the pictures, then the statistics and evidence behind them.
  out += html::summary_section(d);
  out += html::lineage_section(d);
  out += html::profile_section(d);
  if (d.basis) out += score_basis_html(*d.basis);
  out += html::detection_section(d);
  out += html::scores_section(d);
  out += html::viewer_section(d);
  out += fmt::format("<script>{}</script>\n</body></html>\n", html::kScript);
  return out;
}

}  // namespace ds::results
