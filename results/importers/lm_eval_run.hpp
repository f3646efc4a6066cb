#pragma once
// What an lm-evaluation-harness run says about itself in its results_<date>.json, written
// beside the samples_<task>_<date>.jsonl files: the model, the harness version and each
// task's output type.
#include <string>

#include "core/json.hpp"
#include "results/importers/import_batch.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct LmEvalRun {
  std::string results_path;  // "" when none was found (then --model names the model)
  std::string model;
  std::string version;       // lm_eval_version, "" when the file does not say
  json configs = json::object();

  // "generate_until", "multiple_choice", "loglikelihood", "loglikelihood_rolling", or ""
  // when the results file does not say.
  std::string output_type(const std::string& task) const;
};

// The task and date of "samples_<task>_<date>.jsonl" (date "" when the name has none).
struct LmEvalSamplesName {
  std::string task, date;
};
LmEvalSamplesName parse_samples_name(const std::string& path);

// Reads the results file beside `samples_path` (the one with the same date, else the newest
// results_*.json). The model is --model, else results "model_name", else the pretrained=,
// model=, path= or engine= entry of "config.model_args". InputError when none names it.
LmEvalRun read_lm_eval_run(const std::string& samples_path, const ImportOptions& options);

}  // namespace ds::results
