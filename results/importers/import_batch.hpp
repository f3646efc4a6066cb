#pragma once
// A parsed, fully validated import: what one or more transcript files add to the store.
// Files are parsed into a batch first and written in one transaction afterwards, so a
// malformed line anywhere leaves the store untouched.
#include <string>
#include <vector>

#include "core/progress_fn.hpp"
#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct ImportBatch {
  std::vector<ModelInfo> models;
  std::vector<StoredItem> items;
  std::vector<Record> records;
  // Our own records may name models and items a run already stored with more detail:
  // these are only added when absent.
  std::vector<ModelInfo> models_if_absent;
  std::vector<StoredItem> items_if_absent;
};

struct ImportOptions {
  std::string format;          // mtbench | arenahard | alpacaeval | jsonl
  std::string model_name;      // overrides the file stem when set
  std::string questions_path;  // mtbench/arenahard: question.jsonl; found next to the answers when empty
  ProgressFn progress;         // "files" parsed, then "answers" written
};

struct ImportSummary {
  size_t files = 0;
  size_t models = 0;
  size_t items = 0;
  size_t responses = 0;
  size_t duplicates = 0;  // entries repeating an earlier (model, suite, item, sample): skipped
};

// Parses one file into `batch`; throws InputError "file:line: ..." on the first bad line.
void parse_mtbench_file(const std::string& path, const ImportOptions& options, bool arena_hard,
                        ImportBatch& batch);
void parse_alpacaeval_file(const std::string& path, const ImportOptions& options,
                           ImportBatch& batch);
void parse_jsonl_records_file(const std::string& path, const ImportOptions& options,
                              ImportBatch& batch);

// Parses every path (all of them before writing anything), then writes in one transaction.
ImportSummary import_files(Store& store, const std::vector<std::string>& paths,
                           const ImportOptions& options);

// "import-" + the first 12 hex digits of the file's SHA-256: re-importing reuses it.
std::string import_run_id(const std::string& path);

// The model name for a file: --model, else the file name without its extension.
std::string import_model_name(const std::string& path, const ImportOptions& options);

}  // namespace ds::results
