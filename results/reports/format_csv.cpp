#include "results/reports/format_csv.hpp"

#include <fmt/format.h>
#include "results/layer.hpp"

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
  std::string out = "run_id,model,simulated,suite,item_id,sample,score,error,latency_ms,text\n";
  for (const auto& r : d.records) {
    bool simulated = false;
    for (const auto& m : d.models) if (m.name == r.model) simulated = m.simulated;
    out += fmt::format("{},{},{},{},{},{},{},{},{:.1f},{}\n", csv_escape(r.run_id),
                       csv_escape(r.model), simulated ? "true" : "false", csv_escape(r.suite),
                       csv_escape(r.item_id), r.sample,
                       r.score ? fmt::format("{:.6g}", *r.score) : std::string("unscored"),
                       csv_escape(r.error), r.latency_ms, csv_escape(r.text));
  }
  return out;
}

}  // namespace ds::results
