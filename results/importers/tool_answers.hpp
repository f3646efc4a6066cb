#pragma once
// What every importer of another evaluation tool's log does with one answer: find its item
// by prompt, number its sample, keep the tool's scores beside it, and record the file's run
// (source tool and version). The format-specific importers only read their files.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "results/importers/import_batch.hpp"
#include "results/importers/prompt_items.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct ToolScore {
  std::string metric;  // stored as scorer "<tool>:<metric>"
  std::optional<double> value;
  std::string extracted;
  json details = json::object();
};

struct ToolAnswer {
  std::string model;
  ImportedPrompt prompt;
  std::string task;  // the tool's task or benchmark name: the imported item's category
  std::string text;
  std::string finish_reason = "imported";
  json usage = json::object();
  double latency_ms = 0;
  std::optional<int> sample;  // the tool's own repeat index (e.g. Inspect epoch - 1)
  json item_data = json::object();  // extra fields for an imported item (target, the tool's id)
  std::vector<ToolScore> scores;
};

class ToolImport {
 public:
  // `tool` names the source ("lm-eval", "inspect", "promptfoo", "helm"); `run_file` is the
  // file whose SHA-256 names the run.
  ToolImport(ImportBatch& batch, std::string tool, const std::string& path,
             const std::string& run_file);

  // Adds the answer and its scores; returns the record index further scores attach to.
  size_t add(const ToolAnswer& answer);
  void add_score(size_t record, const ToolScore& score);
  // A sample not imported (no answer text, an error in the tool's log): counted per reason.
  void skip(const std::string& reason);
  // Records the run row; call once after the whole file parsed.
  void finish(const std::string& tool_version, const json& extra = json::object());

 private:
  ImportBatch& batch_;
  std::string tool_, path_, run_id_;
  std::set<std::string> models_;
  std::set<std::pair<std::string, std::string>> items_;  // (suite, item_id) already queued
  size_t answers_ = 0;
};

// A value a tool wrote as its per-sample score, as a number: numbers, booleans and numeric
// strings, plus Inspect's letter grades (C = 1, I = 0, P = 0.5, N = 0). nullopt otherwise.
std::optional<double> tool_score_value(const json& value);

// Whether a metric value is a right/wrong verdict (0 or 1): only those carry the tool's
// extracted answer into shared-error evidence.
bool is_verdict(const std::optional<double>& value);

// The model name without the API provider prefix: "openai/gpt-4o" -> "gpt-4o",
// "hf/meta-llama/Llama-3-8B" -> "meta-llama/Llama-3-8B".
std::string without_provider_prefix(const std::string& model);

}  // namespace ds::results
