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

std::string format_csv(const ReportData& d) {
  std::map<std::string, bool> simulated;
  for (const auto& m : d.models) simulated[m.name] = m.simulated;
  std::string out = "run_id,model,simulated,suite,item_id,sample,score,error,latency_ms,text\n";
  for (const auto& row : d.responses) {
    const Record& r = row.record;
    out += fmt::format("{},{},{},{},{},{},{},{},{:.1f},{}\n", csv_escape(r.run_id), csv_escape(r.model),
                       simulated[r.model] ? "true" : "false", csv_escape(r.suite), csv_escape(r.item_id),
                       r.sample, r.score ? fmt::format("{:.6g}", *r.score) : std::string("unscored"),
                       csv_escape(r.error), r.latency_ms, csv_escape(r.text));
  }
  return out;
}

}  // namespace ds::results
