#include "results/reports/score_reason.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/utf8.hpp"
#include "tasks/suite_kind.hpp"

namespace ds::results {

namespace {

std::string as_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// Failing coding tests and failing creativity constraints, each with its reason; why an answer
// that did not do the task scored 0 ("zero": off topic, too few nouns or uses).
void add_failed_checks(const json& details, std::vector<std::string>& out) {
  if (details.contains("tests") && details["tests"].is_array())
    for (const auto& t : details["tests"])
      if (t.is_object() && !t.value("passed", true))
        out.push_back(t.value("test", std::string("test")) +
                      (t.contains("error") ? ": " + as_text(t["error"]) : std::string()));
  for (const char* key : {"load_error", "setup_error", "incomplete", "zero"})
    if (details.contains(key)) out.push_back(std::string(key) + ": " + as_text(details[key]));
  if (details.contains("constraints") && details["constraints"].is_object() &&
      details["constraints"].contains("checks"))
    for (const auto& c : details["constraints"]["checks"])
      if (c.is_object() && !c.value("passed", true))
        out.push_back(c.value("name", std::string("constraint")) + ": " + as_text(c.value("detail", json())));
}

}  // namespace

std::string counted_reasons(const std::map<std::string, size_t>& reasons) {
  std::vector<std::pair<std::string, size_t>> ordered(reasons.begin(), reasons.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [reason, n] : ordered) out += fmt::format("{}{} {}", out.empty() ? "" : "; ", n, reason);
  return out;
}

std::string expected_answer(const json& item_data) {
  if (!item_data.is_object()) return "";
  if (item_data.contains("answer")) return as_text(item_data["answer"]);
  if (item_data.contains("tests")) {
    const json& t = item_data["tests"];
    if (t.is_array()) {
      std::string out;
      for (const auto& line : t) out += as_text(line) + "\n";
      return out;
    }
    return as_text(t);
  }
  if (item_data.contains("reference")) return as_text(item_data["reference"]);
  if (item_data.contains("choices") && item_data["choices"].is_array()) {
    std::string out = "no single answer; choices: ";
    for (size_t i = 0; i < item_data["choices"].size(); ++i)
      out += (i ? " | " : "") + as_text(item_data["choices"][i]);
    return out;
  }
  return "";
}

ScoreReason score_reason(const std::string& suite, const json& item_data, const std::string& extracted,
                         const json& details, bool has_score) {
  ScoreReason r;
  const bool has_details = details.is_object();
  // Fingerprint probes are recorded for the lineage detector and never graded.
  r.graded = resolve_suite_kind(suite, item_data.is_object() ? item_data : json::object()) != SuiteKind::probes;
  r.expected = expected_answer(item_data);
  r.extracted = extracted;
  if (has_details) {
    add_failed_checks(details, r.failed_checks);
    if (details.contains("unscored")) r.unscored_reason = as_text(details["unscored"]);
  }
  if (!has_score && r.unscored_reason.empty()) r.unscored_reason = "not scored yet (run scores after answering)";
  return r;
}

std::string reason_line(const ScoreReason& r, std::optional<double> score) {
  if (!score) return "unscored: " + r.unscored_reason;
  std::string out;
  if (!r.expected.empty() && r.expected.size() <= 80 && r.expected.find('\n') == std::string::npos)
    out = fmt::format("expected {}, got {}", r.expected, r.extracted.empty() ? "no answer" : utf8_prefix(r.extracted, 80));
  else if (!r.extracted.empty() && r.extracted.size() <= 80)
    out = "extracted: " + r.extracted;
  if (!r.failed_checks.empty()) {
    out += out.empty() ? "failed: " : "; failed: ";
    for (size_t i = 0; i < r.failed_checks.size() && i < 5; ++i)
      out += (i ? "; " : "") + utf8_prefix(r.failed_checks[i], 160);
    if (r.failed_checks.size() > 5) out += fmt::format("; and {} more", r.failed_checks.size() - 5);
  }
  return out;
}

}  // namespace ds::results
