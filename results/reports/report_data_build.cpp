// build_report_data: the store's rows plus the scorers' summary (means, bootstrap intervals,
// humanity profile) in the shape every report format reads.
#include <map>
#include <set>
#include <tuple>

#include "results/reports/report_data.hpp"
#include "results/store.hpp"
#include "scorers/stats/summary.hpp"

namespace ds {

namespace {
std::optional<double> number_or_null(const json& v, const char* field) {
  if (!v.is_object() || !v.contains(field) || !v[field].is_number()) return std::nullopt;
  return v[field].get<double>();
}
}  // namespace

ReportData build_report_data(Store& store, const std::string& source) {
  ReportData d;
  d.source = source;
  d.runs = store.runs();
  d.records = store.responses({.ok_only = false});
  std::set<std::string> suites;
  std::map<std::tuple<std::string, std::string>, size_t> failed;
  for (const auto& r : d.records) {
    suites.insert(r.suite);
    if (!r.error.empty()) ++failed[{r.model, r.suite}];
  }
  d.suites.assign(suites.begin(), suites.end());
  const json summary = suite_summary(store);
  const json& models = summary.contains("models") ? summary["models"] : json::object();
  for (const auto& info : store.models()) {
    ModelRow row;
    row.name = info.name;
    row.provider = info.provider;
    row.simulated = info.simulated;
    const json m = models.contains(info.name) ? models[info.name] : json::object();
    for (const auto& suite : d.suites) {
      SuiteCell cell;
      cell.suite = suite;
      const json s = m.contains("suites") && m["suites"].contains(suite) ? m["suites"][suite] : json::object();
      cell.responses = s.value("n_responses", size_t{0});
      cell.scored = s.value("n", size_t{0});
      cell.mean = number_or_null(s, "mean");
      cell.ci_low = number_or_null(s, "ci_low");
      cell.ci_high = number_or_null(s, "ci_high");
      const auto f = failed.find({info.name, suite});
      cell.failed = f == failed.end() ? 0 : f->second;
      row.cells.push_back(cell);
    }
    if (m.contains("gap_index") && m["gap_index"].is_object()) {
      row.gap = number_or_null(m["gap_index"], "value");
      row.gap_low = number_or_null(m["gap_index"], "ci_low");
      row.gap_high = number_or_null(m["gap_index"], "ci_high");
    }
    d.models.push_back(std::move(row));
  }
  return d;
}

}  // namespace ds
