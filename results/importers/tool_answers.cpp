#include "results/importers/tool_answers.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

ToolImport::ToolImport(ImportBatch& batch, std::string tool, const std::string& path,
                       const std::string& run_file)
    : batch_(batch), tool_(std::move(tool)), path_(path), run_id_(import_run_id(run_file)) {}

size_t ToolImport::add(const ToolAnswer& a) {
  json data = a.item_data.is_object() ? a.item_data : json::object();
  data["category"] = a.task;
  data["source_tool"] = tool_;
  const PromptItem found = item_for_prompt(a.prompt, data);
  if (found.builtin) ++batch_.builtin_answers;
  if (items_.insert({found.item.suite, found.item.item_id}).second)
    batch_.items_if_absent.push_back(found.item);
  if (models_.insert(a.model).second)
    batch_.models_if_absent.push_back({a.model, "import", "", path_, false});
  Record r;
  r.run_id = run_id_;
  r.model = a.model;
  r.suite = found.item.suite;
  r.item_id = found.item.item_id;
  r.sample = take_sample(batch_, r.model, r.suite, r.item_id, a.sample);
  r.text = a.text;
  r.finish_reason = a.finish_reason;
  r.usage = a.usage;
  r.latency_ms = a.latency_ms;
  batch_.records.push_back(std::move(r));
  const size_t index = batch_.records.size() - 1;
  batch_.placed_against_store.push_back(index);
  for (const auto& s : a.scores) add_score(index, s);
  ++answers_;
  return index;
}

void ToolImport::add_score(size_t record, const ToolScore& s) {
  batch_.scores.push_back({record, tool_ + ":" + s.metric, s.value, s.extracted, s.details});
}

void ToolImport::skip(const std::string& reason) { ++batch_.skipped[tool_ + ": " + reason]; }

void ToolImport::finish(const std::string& tool_version, const json& extra) {
  json args = import_run_args(tool_, path_, tool_, tool_version,
                              std::vector<std::string>(models_.begin(), models_.end()));
  args["answers"] = answers_;
  for (auto it = extra.begin(); it != extra.end(); ++it) args[it.key()] = it.value();
  batch_.runs.push_back({run_id_, args});
}

std::optional<double> tool_score_value(const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  const std::string s = v.get<std::string>();
  if (s == "C") return 1.0;
  if (s == "I" || s == "N") return 0.0;
  if (s == "P") return 0.5;
  if (s == "True" || s == "true") return 1.0;
  if (s == "False" || s == "false") return 0.0;
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  if (!s.empty() && end == s.c_str() + s.size()) return x;
  return std::nullopt;
}

bool is_verdict(const std::optional<double>& value) {
  return value && (*value == 0.0 || *value == 1.0);
}

std::string without_provider_prefix(const std::string& model) {
  const auto slash = model.find('/');
  return slash == std::string::npos || slash + 1 >= model.size() ? model : model.substr(slash + 1);
}

}  // namespace ds::results
