#pragma once
// What every report format shows: per model and suite the mean score with its 95% interval
// (or "unscored"), the humanity profile's gap index, per-item results, and detection.
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "results/record.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct SuiteCell {
  std::string suite;
  size_t responses = 0;  // answered responses
  size_t scored = 0;
  size_t failed = 0;     // requests that failed after retries
  std::optional<double> mean, ci_low, ci_high;  // nullopt = unscored
};

struct ModelRow {
  std::string name;
  std::string provider;
  bool simulated = false;
  std::vector<SuiteCell> cells;  // in ReportData::suites order
  std::optional<double> gap, gap_low, gap_high;
};

struct ReportData {
  std::string source;  // the store(s) read
  std::vector<std::string> suites;
  std::vector<ModelRow> models;
  std::vector<Record> records;  // every response incl. failed ones, with primary score
  json detection;               // null, or the `detect --json` document
  json runs = json::array();
};

// Formats a number for people: "0.734 [0.701, 0.765]" or "unscored".
std::string format_score_with_ci(const SuiteCell& cell);

// A number field of a JSON object formatted with `spec` ("{:.3g}"), or "-" when it is null
// or absent (a detection's p-value is null when the evidence was insufficient).
std::string number_text(const json& object, const char* key, const char* spec);

}  // namespace ds::results
