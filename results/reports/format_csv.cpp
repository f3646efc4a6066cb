#include "results/reports/format_csv.hpp"

#include <fmt/format.h>

#include <map>

namespace ds::results {

std::string csv_escape(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

// Why an answer has no score, for the column beside `score` (which stays numeric or empty).
std::string unscored_reason(const ResponseRow& row) {
  if (row.record.score) return "";
  if (!row.record.error.empty()) return "request failed";
  return row.unscored_reason.empty() ? "not scored" : row.unscored_reason;
}

}  // namespace

std::string format_csv(const ReportData& d) {
  std::map<std::string, bool> simulated;
  for (const auto& m : d.models) simulated[m.name] = m.simulated;
  std::string out = "run_id,model,simulated,suite,item_id,sample,score,unscored_reason,error,latency_ms,text\n";
  for (const auto& row : d.responses) {
    const Record& r = row.record;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{:.1f},{}\n", csv_escape(r.run_id), csv_escape(r.model),
                       simulated[r.model] ? "true" : "false", csv_escape(r.suite), csv_escape(r.item_id),
                       r.sample, r.score ? fmt::format("{:.6g}", *r.score) : std::string(),
                       csv_escape(unscored_reason(row)), csv_escape(r.error), r.latency_ms, csv_escape(r.text));
  }
  return out;
}

}  // namespace ds::results
