#include "results/reports/format_json.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

std::string format_json(const ReportData& d) {
  json models = json::array();
  for (const auto& m : d.models) {
    json scores = json::object();
    for (const auto& c : m.cells) {
      json cell = {{"n", c.responses}, {"scored", c.scored}, {"failed", c.failed}};
      if (c.mean) {
        cell["mean"] = *c.mean;
        cell["ci_low"] = c.ci_low ? json(*c.ci_low) : json(nullptr);
        cell["ci_high"] = c.ci_high ? json(*c.ci_high) : json(nullptr);
      } else {
        cell["mean"] = "unscored";
      }
      scores[c.suite] = cell;
    }
    json gap = m.gap ? json{{"value", *m.gap}, {"ci_low", m.gap_low.value_or(*m.gap)},
                            {"ci_high", m.gap_high.value_or(*m.gap)}}
                     : json("unscored");
    models.push_back({{"name", m.name}, {"provider", m.provider}, {"simulated", m.simulated},
                      {"scores", scores}, {"gap_index", gap}});
  }
  json records = json::array();
  for (const auto& r : d.records) records.push_back(record_to_json(r));
  json out = {{"source", d.source}, {"runs", d.runs}, {"suites", d.suites},
              {"models", models}, {"detection", d.detection}, {"records", records}};
  return dump_json(out, 2);
}

}  // namespace ds::results
