#include "results/reports/format_csv.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "core/utf8.hpp"

namespace ds::results {

namespace {

// "-3", "+2.5", "-1e-3": a number a spreadsheet reads as a number, with no formula in it.
bool is_plain_number(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  const auto digits = [&] {
    const size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - from;
  };
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string csv_escape(const std::string& raw) {
  // Outside text: valid UTF-8 whatever the store holds, and never a formula. A cell a
  // spreadsheet would evaluate (starting with = + - @, a tab or a carriage return) gets a
  // leading ' as OWASP's CSV-injection guidance says; a plain number such as -3 stays a number.
  std::string field = utf8_sanitize(raw);
  if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos &&
      !is_plain_number(field))
    field.insert(0, 1, '\'');
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
