// build_report_data: the store's rows plus the scorers' summary (means, bootstrap intervals,
// humanity profile), detection, lineage map and viewer answers, in the shape every report
// format reads.
#include "harness/pipeline/report_data_build.hpp"

#include <map>
#include <set>
#include <tuple>

#include "harness/pipeline/report_parts.hpp"
#include "results/reports/score_reason.hpp"
#include "results/reports/detect_output.hpp"
#include "scorers/lineage/detector.hpp"
#include "results/lineage_features.hpp"
#include "harness/pipeline/score_basis_build.hpp"
#include "harness/pipeline/summary.hpp"
#include "harness/pipeline/provenance_panel.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

ModelRow model_row(const ModelInfo& info, const ModelSummary& m, const std::vector<std::string>& suites,
                   const std::map<std::pair<std::string, std::string>, size_t>& failed) {
  ModelRow row;
  row.name = info.name;
  row.provider = info.provider;
  row.simulated = info.simulated;
  for (const auto& suite : suites) {
    SuiteCell cell;
    cell.suite = suite;
    if (const SuiteSummary* s = m.suite(suite)) {
      cell.responses = s->responses;
      cell.scored = s->score.items;
      cell.asked = s->score.asked;
      cell.insufficient = s->score.insufficient;
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
  for (const auto& d : kProfileDimensions) {
    ProfileCell cell{d, std::nullopt, std::nullopt, std::nullopt};
    if (const SuiteSummary* s = m.suite(d); s && s->score.interval) {
      cell.mean = s->score.interval->mean;
      cell.ci_low = s->score.interval->low;
      cell.ci_high = s->score.interval->high;
    }
    row.profile.push_back(cell);
  }
  if (m.gap_index) {
    row.gap = m.gap_index->mean;
    row.gap_low = m.gap_index->low;
    row.gap_high = m.gap_index->high;
  }
  return row;
}

std::vector<ResponseRow> response_rows(Store& store, std::vector<Record> records) {
  std::map<std::pair<std::string, std::string>, json> item_data;
  for (auto& item : store.items()) item_data[{item.suite, item.item_id}] = std::move(item.data);
  std::map<int64_t, StoredScore> primary;  // the suite's scorer (scorer name == suite name)
  std::map<int64_t, const Record*> by_id;
  for (const auto& r : records) by_id[r.id] = &r;
  for (auto& sc : store.scores()) {
    const auto it = by_id.find(sc.response_id);
    if (it != by_id.end() && it->second->suite == sc.scorer) primary[sc.response_id] = std::move(sc);
  }
  std::vector<ResponseRow> rows;
  rows.reserve(records.size());
  for (auto& r : records) {
    const auto sc = primary.find(r.id);
    const auto item = item_data.find({r.suite, r.item_id});
    const ScoreReason why =
        score_reason(r.suite, item == item_data.end() ? json() : item->second,
                     sc == primary.end() ? "" : sc->second.extracted,
                     sc == primary.end() ? json() : sc->second.details, sc != primary.end());
    rows.push_back({std::move(r), why.graded, why.expected, why.extracted, why.failed_checks,
                    why.unscored_reason});
  }
  return rows;
}

}  // namespace

ReportData build_report_data(Store& store, const std::string& source, const ReportOptions& options) {
  ReportData d;
  d.source = source;
  d.runs = store.runs();
  std::set<std::string> suites;
  std::map<std::pair<std::string, std::string>, size_t> failed;
  std::vector<Record> records = store.responses({.ok_only = false});
  for (const auto& r : records) {
    suites.insert(r.suite);
    if (!r.error.empty()) ++failed[{r.model, r.suite}];
  }
  d.suites.assign(suites.begin(), suites.end());
  const Summary summary = summarise_store(store);
  const ModelSummary no_answers;
  const auto infos = store.models();
  for (const auto& info : infos) {
    const auto found = summary.models.find(info.name);
    d.models.push_back(model_row(info, found == summary.models.end() ? no_answers : found->second, d.suites, failed));
  }
  d.basis = score_basis_view(store, summary);
  if (options.responses) d.responses = response_rows(store, std::move(records));
  records.clear();

  std::map<std::string, bool> simulated;
  for (const auto& info : infos) simulated[info.name] = info.simulated;
  if (options.reference.empty() && !options.detection && !options.lineage && !options.viewer) return d;
  const lineage::Corpus corpus = load_corpus(store);
  lineage::Detector detector(corpus);
  if (options.detection) {
    d.detection = detection_view(*options.detection, store, simulated);
  } else if (!options.reference.empty()) {
    lineage::DetectOptions detect;
    detect.reference = {options.reference};
    use_declared_panel(detect, detector, "", store.db().path());
    d.detection = detection_view(detector.detect(detect, store_text_lookup(store)), store, simulated);
  }
  if (options.lineage && corpus.models.size() >= 2)
    d.lineage = lineage_map(detector, d.detection ? &d.detection->result : nullptr, simulated);
  if (options.viewer) d.viewer = viewer_data(store, options, d.detection ? &*d.detection : nullptr, simulated);
  return d;
}

}  // namespace ds::harness
