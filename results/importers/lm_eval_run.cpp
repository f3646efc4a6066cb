#include "results/importers/lm_eval_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "core/errors.hpp"
#include "results/importers/json_at.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

namespace fs = std::filesystem;

std::string find_results_file(const std::string& samples_path, const std::string& date) {
  const fs::path dir = fs::path(samples_path).parent_path();
  if (!date.empty()) {
    const fs::path same = dir / ("results_" + date + ".json");
    if (fs::is_regular_file(same)) return same.string();
  }
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? fs::path(".") : dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.rfind("results_", 0) == 0 &&
        entry.path().extension() == ".json")
      found.push_back(entry.path().string());
  }
  std::sort(found.begin(), found.end());  // ISO dates sort by time: the newest is last
  return found.empty() ? std::string() : found.back();
}

// The model named in lm-eval's model_args: the harness's own order of keys (an adapter or
// delta names the model more specifically than the base it was applied to).
std::string model_from_args(const json& args) {
  static const char* keys[] = {"peft", "delta", "pretrained", "model", "path", "engine"};
  if (args.is_object()) {
    for (const char* key : keys)
      if (args.contains(key) && args[key].is_string()) return args[key].get<std::string>();
    return {};
  }
  if (!args.is_string()) return {};
  const std::string text = args.get<std::string>();
  for (const char* key : keys) {
    const std::string prefix = std::string(key) + "=";
    size_t at = 0;
    while ((at = text.find(prefix, at)) != std::string::npos) {
      if (at == 0 || text[at - 1] == ',') {
        const size_t start = at + prefix.size();
        return text.substr(start, text.find(',', start) - start);
      }
      at += prefix.size();
    }
  }
  return {};
}

}  // namespace

std::string LmEvalRun::output_type(const std::string& task) const {
  if (!configs.is_object() || !configs.contains(task) || !configs[task].is_object()) return {};
  const json& config = configs[task];
  return config.contains("output_type") && config["output_type"].is_string()
             ? config["output_type"].get<std::string>()
             : std::string();
}

LmEvalSamplesName parse_samples_name(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  static const std::regex pattern(R"(^samples_(.+)_(\d{4}-\d{2}-\d{2}T[0-9.\-]+)\.jsonl$)");
  std::smatch m;
  if (std::regex_match(name, m, pattern)) return {m[1].str(), m[2].str()};
  std::string task = fs::path(path).stem().string();
  if (task.rfind("samples_", 0) == 0) task = task.substr(8);
  return {task, ""};
}

LmEvalRun read_lm_eval_run(const std::string& samples_path, const ImportOptions& options) {
  LmEvalRun run;
  run.results_path = find_results_file(samples_path, parse_samples_name(samples_path).date);
  if (run.results_path.empty()) {
    if (options.model_name.empty())
      throw InputError(fmt::format(
          "{}: no results_*.json beside it names the model; pass --model NAME", samples_path));
    run.model = options.model_name;
    return run;
  }
  const json results = read_json_file(run.results_path);
  const JsonAt root(results, run.results_path);
  root.object();
  run.version = string_or(root, "lm_eval_version");
  if (const auto configs = root.find("configs")) run.configs = configs->object();
  run.model = options.model_name;
  if (run.model.empty()) run.model = string_or(root, "model_name");
  if (run.model.empty())
    if (const auto config = root.find("config"))
      if (const auto args = config->find("model_args")) run.model = model_from_args(args->value());
  if (run.model.empty())
    throw InputError(fmt::format(
        "{}:config.model_args: no pretrained=, model=, path= or engine= entry names the model; "
        "pass --model NAME", run.results_path));
  return run;
}

}  // namespace ds::results
