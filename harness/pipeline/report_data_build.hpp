#pragma once
// Builds the report's typed data once, from the store, the scorers' summary and the lineage
// detector; the formats in results/reports only format it.
#include <optional>
#include <string>
#include <vector>

#include "results/reports/report_data.hpp"
#include "results/store.hpp"
#include "scorers/lineage/detect_result.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct ReportOptions {
  std::string reference;  // store name (or glob) of the reference; "" = no detection
  // A detection already computed (by the run the report follows): shown instead of running
  // the detector again.
  std::optional<lineage::DetectResult> detection;
  bool responses = true;  // per-response rows (csv, junit, json, md totals)
  bool lineage = false;   // the lineage map (html, md charts)
  bool viewer = false;    // the answers the HTML viewer shows
  // Candidates shown beside the reference in the viewer; empty = the strongest detection
  // candidates first (or every model), as many as fit viewer_budget_bytes of answer text.
  std::vector<std::string> viewer_models;
  size_t viewer_budget_bytes = 12'000'000;
};

ReportData build_report_data(Store& store, const std::string& source, const ReportOptions& options = {});

}  // namespace ds::harness
