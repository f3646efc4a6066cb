#include "results/reports/format_json.hpp"

#include <cmath>

#include "core/json_bounded.hpp"
#include "results/reports/detect_output.hpp"

namespace ds::results {

namespace {

json optional_number(const std::optional<double>& x) {
  return x && std::isfinite(*x) ? json(*x) : json(nullptr);
}

json lineage_json(const LineageMap& m) {
  json statistic = json::array();
  for (const auto& row : m.statistic) {
    json r = json::array();
    for (double v : row) r.push_back(std::isfinite(v) ? json(v) : json(nullptr));
    statistic.push_back(r);
  }
  json order = json::array();
  for (size_t i : m.order) order.push_back(m.models[i]);
  return {{"models", m.models}, {"reference", m.reference}, {"statistic", statistic}, {"statistic_label", m.statistic_label},
          {"verdict", m.verdict}, {"verdict_note", m.verdict_note}, {"cluster_order", order},
          {"clustering", "average linkage on 1 - statistic"}};
}

}  // namespace

std::string format_json(const ReportData& d) {
  json models = json::array();
  for (const auto& m : d.models) {
    json scores = json::object();
    for (const auto& c : m.cells) {
      json cell = {{"n", c.responses}, {"scored", c.scored}, {"asked", c.asked}, {"failed", c.failed}};
      if (c.mean) {
        cell["mean"] = *c.mean;
        cell["ci_low"] = optional_number(c.ci_low);
        cell["ci_high"] = optional_number(c.ci_high);
      } else {
        cell["mean"] = c.insufficient ? "insufficient" : "unscored";
      }
      scores[c.suite] = cell;
    }
    json profile = json::object();
    for (const auto& p : m.profile)
      profile[p.dimension] = p.mean ? json{{"mean", *p.mean}, {"ci_low", optional_number(p.ci_low)},
                                           {"ci_high", optional_number(p.ci_high)}}
                                    : json("unscored");
    json gap = m.gap ? json{{"value", *m.gap}, {"ci_low", m.gap_low.value_or(*m.gap)},
                            {"ci_high", m.gap_high.value_or(*m.gap)}}
                     : json("unscored");
    models.push_back({{"name", m.name}, {"provider", m.provider}, {"simulated", m.simulated},
                      {"scores", scores}, {"profile", profile}, {"gap_index", gap}});
  }
  json records = json::array();
  for (const auto& r : d.responses) records.push_back(record_to_json(r.record));
  json out = {{"source", d.source}, {"runs", d.runs}, {"suites", d.suites}, {"models", models},
              {"detection", d.detection ? detect_result_to_json(d.detection->result) : json(nullptr)},
              {"records", records}};
  if (d.lineage) out["lineage"] = lineage_json(*d.lineage);
  return dump_json(out, 2);
}

}  // namespace ds::results
