#include "harness/pipeline/report_data_build.hpp"

#include <map>
#include <set>
#include <tuple>

#include "results/store.hpp"
#include "harness/pipeline/summary.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

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
  const Summary summary = summarise_store(store);
  const ModelSummary no_answers;
  for (const auto& info : store.models()) {
    ModelRow row;
    row.name = info.name;
    row.provider = info.provider;
    row.simulated = info.simulated;
    const auto found = summary.models.find(info.name);
    const ModelSummary& m = found == summary.models.end() ? no_answers : found->second;
    for (const auto& suite : d.suites) {
      SuiteCell cell;
      cell.suite = suite;
      if (const SuiteSummary* s = m.suite(suite)) {
        cell.responses = s->responses;
        cell.scored = s->score.items;
        if (const auto& ci = s->score.interval) {
          cell.mean = ci->mean;
          cell.ci_low = ci->low;
          cell.ci_high = ci->high;
        }
      }
      const auto f = failed.find({info.name, suite});
      cell.failed = f == failed.end() ? 0 : f->second;
      row.cells.push_back(cell);
    }
    if (m.gap_index) {
      row.gap = m.gap_index->mean;
      row.gap_low = m.gap_index->low;
      row.gap_high = m.gap_index->high;
    }
    d.models.push_back(std::move(row));
  }
  return d;
}

}  // namespace ds::harness
