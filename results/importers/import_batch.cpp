#include "results/importers/import_batch.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "core/errors.hpp"
#include "results/importers/leaderboard_folder.hpp"
#include "core/sha256.hpp"
#include "results/layer.hpp"
#include "core/utf8.hpp"

namespace ds::results {

namespace {

using Parser = std::function<void(const std::string&, const ImportOptions&, ImportBatch&)>;

const std::map<std::string, Parser>& parsers() {
  static const std::map<std::string, Parser> table = {
      {"mtbench", [](auto& p, auto& o, auto& b) { parse_mtbench_file(p, o, false, b); }},
      {"arenahard", [](auto& p, auto& o, auto& b) { parse_mtbench_file(p, o, true, b); }},
      {"alpacaeval", parse_alpacaeval_file},
      {"jsonl", parse_jsonl_records_file},
      {"lm-eval", parse_lm_eval_file},
      {"inspect", parse_inspect_file},
      {"promptfoo", parse_promptfoo_file},
      {"helm", parse_helm_run},
  };
  return table;
}

// Formats whose model name is the file's name: one --model cannot name several files.
bool model_per_file_name(const std::string& format) {
  return format == "mtbench" || format == "arenahard" || format == "alpacaeval";
}

void check_path(const std::string& path, const std::string& format) {
  if (format == "helm" && std::filesystem::is_directory(path)) return;
  if (!std::filesystem::is_regular_file(path))
    throw InputError(fmt::format("{}: no such file{}; check the path", path,
                                 format == "helm" ? " or run directory" : ""));
}

using AnswerKey = std::tuple<std::string, std::string, std::string>;  // model, suite, item

// See ImportBatch::placed_against_store. Within one (model, suite, item), each file's records
// take, in their batch order, the samples that file's run already holds, then the lowest
// samples nobody holds.
void place_against_store(Store& store, ImportBatch& batch) {
  std::map<AnswerKey, std::vector<size_t>> groups;
  for (size_t index : batch.placed_against_store) {
    const Record& r = batch.records[index];
    groups[{r.model, r.suite, r.item_id}].push_back(index);
  }
  // Records of other formats (our own records) keep their samples.
  std::map<AnswerKey, std::set<int>> fixed;
  std::vector<char> placed(batch.records.size(), 0);
  for (size_t index : batch.placed_against_store) placed[index] = 1;
  for (size_t i = 0; i < batch.records.size(); ++i)
    if (!placed[i]) {
      const Record& r = batch.records[i];
      if (groups.count({r.model, r.suite, r.item_id})) fixed[{r.model, r.suite, r.item_id}].insert(r.sample);
    }
  auto query = store.db().prepare(
      "SELECT sample, run_id FROM responses WHERE model=? AND suite=? AND item_id=? ORDER BY sample");
  for (auto& [key, indices] : groups) {
    std::map<int, std::string> held;  // sample -> run id, in the store
    query.reset();
    query.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key));
    while (query.step()) held[static_cast<int>(query.integer(0))] = query.text(1);
    SampleNumbers used;
    for (int sample : fixed[key]) used.add(sample);
    for (const auto& [sample, run] : held) used.add(sample);
    std::stable_sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
      return batch.records[a].sample < batch.records[b].sample;
    });
    std::map<std::string, std::vector<int>> own;  // run id -> the samples it holds
    for (const auto& [sample, run] : held) own[run].push_back(sample);
    std::map<std::string, size_t> next_own;
    for (size_t index : indices) {
      Record& r = batch.records[index];
      auto& mine = own[r.run_id];
      size_t& k = next_own[r.run_id];
      r.sample = k < mine.size() ? mine[k++] : used.lowest_free();
      used.add(r.sample);
    }
  }
}

void write_batch(Store& store, ImportBatch& batch, ImportSummary& summary) {
  place_against_store(store, batch);
  std::set<std::string> seen_models;
  for (const auto& m : batch.models)
    if (seen_models.insert(m.name).second) store.upsert_model(m);
  for (const auto& m : batch.models_if_absent)
    if (seen_models.insert(m.name).second && !store.model(m.name)) store.upsert_model(m);
  for (const auto& item : batch.items) store.upsert_item(item);
  for (const auto& item : batch.items_if_absent)
    if (!store.item(item.suite, item.item_id)) store.upsert_item(item);
  // One answer per (model, suite, item, sample): a repeated entry is counted, not imported.
  // (Answers placed against the store never repeat; tool scores attach only to those.)
  std::set<std::tuple<std::string, std::string, std::string, int>> keys;
  std::vector<int64_t> ids(batch.records.size(), 0);
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const Record& r = batch.records[i];
    if (keys.insert({r.model, r.suite, r.item_id, r.sample}).second) ids[i] = store.put_response(r);
    else ++summary.duplicates;
  }
  for (const auto& s : batch.scores)
    store.put_score({ids.at(s.record), s.scorer, s.value, s.extracted, s.details});
  for (const auto& run : batch.runs) store.record_import_run(run.run_id, run.args);
  summary.models = seen_models.size();
}

}  // namespace

const std::vector<std::string>& import_formats() {
  static const std::vector<std::string> names = {"mtbench", "arenahard", "alpacaeval", "jsonl",
                                                 "lm-eval", "inspect",   "promptfoo",  "helm"};
  return names;
}

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

json import_run_args(const std::string& format, const std::string& path, const std::string& tool,
                     const std::string& tool_version, const std::vector<std::string>& models) {
  return {{"command", "import"},
          {"format", format},
          {"file", path},
          {"source", {{"tool", tool}, {"version", tool_version.empty() ? json(nullptr) : json(tool_version)}}},
          {"models", models}};
}

int take_sample(ImportBatch& batch, const std::string& model, const std::string& suite,
                const std::string& item_id, std::optional<int> wanted) {
  auto& taken = batch.samples_taken[{model, suite, item_id}];
  const int sample = wanted && *wanted >= 0 && !taken.has(*wanted) ? *wanted : taken.lowest_free();
  taken.add(sample);
  return sample;
}

ImportSummary import_files(Store& store, const std::vector<std::string>& given,
                           const ImportOptions& options) {
  const std::vector<std::string> paths = expand_leaderboard_folders(given, options.format);
  if (paths.empty()) throw InputError("import: give at least one file to import");
  const auto parser = parsers().find(options.format);
  if (parser == parsers().end())
    throw InputError(fmt::format("import: unknown --format '{}'; use one of: {}", options.format,
                                 fmt::join(import_formats(), ", ")));
  if (!options.model_name.empty() && paths.size() > 1 && model_per_file_name(options.format))
    throw InputError("import: --model names one model; import one file at a time with it");
  ImportBatch batch;
  size_t parsed = 0;
  for (const auto& path : paths) {
    report_progress(options.progress, "files", parsed++, paths.size());
    check_path(path, options.format);
    parser->second(path, options, batch);
  }
  ImportSummary summary;
  summary.files = paths.size();
  store.db().transaction([&] { write_batch(store, batch, summary); });
  summary.items = batch.items.size() + batch.items_if_absent.size();
  summary.responses = batch.records.size() - summary.duplicates;
  summary.tool_scores = batch.scores.size();
  summary.builtin_answers = batch.builtin_answers;
  summary.skipped = batch.skipped;
  return summary;
}

}  // namespace ds::results
