#include "results/importers/import_batch.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <tuple>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "results/layer.hpp"
#include "core/utf8.hpp"

namespace ds::results {

std::string import_run_id(const std::string& path) {
  return "import-" + sha256_file(path).substr(0, 12);
}

std::string import_model_name(const std::string& path, const ImportOptions& options) {
  // File and folder names may be any bytes; a stored model name is valid UTF-8.
  if (!options.model_name.empty()) return utf8_sanitize(options.model_name);
  const std::filesystem::path p(path);
  std::string stem = p.stem().string();
  // AlpacaEval publishes every model as <model>/model_outputs.json: the folder names the model.
  if (stem == "model_outputs" && p.has_parent_path() && !p.parent_path().filename().empty())
    stem = p.parent_path().filename().string();
  return utf8_sanitize(stem);
}

ImportSummary import_files(Store& store, const std::vector<std::string>& paths,
                           const ImportOptions& options) {
  if (paths.empty()) throw InputError("import: give at least one file to import");
  if (!options.model_name.empty() && paths.size() > 1 && options.format != "jsonl")
    throw InputError("import: --model names one model; import one file at a time with it");
  ImportBatch batch;
  size_t parsed = 0;
  for (const auto& path : paths) {
    report_progress(options.progress, "files", parsed++, paths.size());
    if (!std::filesystem::is_regular_file(path))
      throw InputError(fmt::format("{}: no such file; check the path", path));
    if (options.format == "mtbench") parse_mtbench_file(path, options, false, batch);
    else if (options.format == "arenahard") parse_mtbench_file(path, options, true, batch);
    else if (options.format == "alpacaeval") parse_alpacaeval_file(path, options, batch);
    else if (options.format == "jsonl") parse_jsonl_records_file(path, options, batch);
    else
      throw InputError(fmt::format(
          "import: unknown --format '{}'; use mtbench, arenahard, alpacaeval or jsonl",
          options.format));
  }
  ImportSummary summary;
  summary.files = paths.size();
  // One answer per (model, suite, item, sample): a repeated entry is counted, not imported.
  std::set<std::tuple<std::string, std::string, std::string, int>> keys;
  std::vector<Record> unique;
  unique.reserve(batch.records.size());
  for (auto& r : batch.records) {
    if (keys.insert({r.model, r.suite, r.item_id, r.sample}).second) unique.push_back(std::move(r));
    else ++summary.duplicates;
  }
  batch.records = std::move(unique);
  store.db().transaction([&] {
    std::set<std::string> seen_models;
    for (const auto& m : batch.models)
      if (seen_models.insert(m.name).second) store.upsert_model(m);
    for (const auto& m : batch.models_if_absent)
      if (seen_models.insert(m.name).second && !store.model(m.name)) store.upsert_model(m);
    for (const auto& item : batch.items) store.upsert_item(item);
    for (const auto& item : batch.items_if_absent)
      if (!store.item(item.suite, item.item_id)) store.upsert_item(item);
    size_t written = 0;
    for (const auto& r : batch.records) {
      store.put_response(r);
      if (++written % 256 == 0) report_progress(options.progress, "answers", written, batch.records.size());
    }
    summary.models = seen_models.size();
  });
  summary.items = batch.items.size();
  summary.responses = batch.records.size();
  return summary;
}

}  // namespace ds::results
