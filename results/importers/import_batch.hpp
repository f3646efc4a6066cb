#pragma once
// A parsed, fully validated import: what one or more transcript files add to the store.
// Files are parsed into a batch first and written in one transaction afterwards, so a
// malformed line anywhere leaves the store untouched.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/progress_fn.hpp"
#include "results/store.hpp"
#include "results/layer.hpp"

namespace ds::results {

// A score the source tool computed, kept beside ours under the scorer name "<tool>:<metric>".
struct ImportedScore {
  size_t record = 0;  // index into ImportBatch::records
  std::string scorer;
  std::optional<double> value;
  std::string extracted;  // the tool's extracted answer or chosen option, when it has one
  json details = json::object();
};

// The run row of one imported file: where the answers came from (tool and version).
struct ImportedRun {
  std::string run_id;
  json args = json::object();
};

// The sample numbers in use for one (model, suite, item), with the lowest free one kept
// current: numbers are only added, so it only moves up, passing each number once (a search
// from 0 per answer was quadratic: 40,000 answers to one prompt took 88 s).
class SampleNumbers {
 public:
  bool has(int sample) const { return used_.count(sample) > 0; }
  int lowest_free() const { return lowest_free_; }
  void add(int sample) {
    used_.insert(sample);
    while (used_.count(lowest_free_)) ++lowest_free_;
  }

 private:
  std::set<int> used_;
  int lowest_free_ = 0;
};

struct ImportBatch {
  std::vector<ModelInfo> models;
  std::vector<StoredItem> items;
  std::vector<Record> records;
  // Our own records may name models and items a run already stored with more detail, and
  // imported prompts may be built-in suite items: these are only added when absent.
  std::vector<ModelInfo> models_if_absent;
  std::vector<StoredItem> items_if_absent;
  std::vector<ImportedScore> scores;
  std::vector<ImportedRun> runs;
  std::map<std::string, size_t> skipped;  // reason -> samples not imported
  size_t builtin_answers = 0;             // answers to prompts of our built-in suites
  // Sample numbers taken per (model, suite, item), so answers never overwrite each other.
  std::map<std::tuple<std::string, std::string, std::string>, SampleNumbers> samples_taken;
  // Records (indices) whose sample numbers are settled against the store when written: a
  // file's answers keep the samples they had when it was imported before, and never take
  // samples another file's answers hold (two tools' runs of one model on one prompt are two
  // samples, whatever the order of import).
  std::vector<size_t> placed_against_store;
};

struct ImportOptions {
  // mtbench | arenahard | alpacaeval | jsonl | lm-eval | inspect | promptfoo | helm
  std::string format;
  std::string model_name;      // overrides the file's own model name when set
  std::string questions_path;  // mtbench/arenahard: question.jsonl; found next to the answers when empty
  ProgressFn progress;         // "files" parsed
};

struct ImportSummary {
  size_t files = 0;
  size_t models = 0;
  size_t items = 0;
  size_t responses = 0;
  size_t duplicates = 0;  // entries repeating an earlier (model, suite, item, sample): skipped
  size_t tool_scores = 0;
  size_t builtin_answers = 0;  // answers to built-in suite prompts: our scorers can score them
  std::map<std::string, size_t> skipped;
};

// The formats `import --format` accepts, in the order --help lists them.
const std::vector<std::string>& import_formats();

// Parses one file into `batch`; throws InputError "file:line: ..." on the first bad line.
void parse_mtbench_file(const std::string& path, const ImportOptions& options, bool arena_hard,
                        ImportBatch& batch);
void parse_alpacaeval_file(const std::string& path, const ImportOptions& options,
                           ImportBatch& batch);
void parse_jsonl_records_file(const std::string& path, const ImportOptions& options,
                              ImportBatch& batch);
// Other evaluation tools' logs; errors name "file:line:field" (JSONL) or "file:path" (JSON).
void parse_lm_eval_file(const std::string& path, const ImportOptions& options, ImportBatch& batch);
void parse_inspect_file(const std::string& path, const ImportOptions& options, ImportBatch& batch);
void parse_promptfoo_file(const std::string& path, const ImportOptions& options,
                          ImportBatch& batch);
// A HELM run directory (or its scenario_state.json).
void parse_helm_run(const std::string& path, const ImportOptions& options, ImportBatch& batch);

// Parses every path (all of them before writing anything), then writes in one transaction.
ImportSummary import_files(Store& store, const std::vector<std::string>& paths,
                           const ImportOptions& options);

// "import-" + the first 12 hex digits of the file's SHA-256: re-importing reuses it.
std::string import_run_id(const std::string& path);

// The model name for a file: --model, else the file name without its extension.
std::string import_model_name(const std::string& path, const ImportOptions& options);

// The args of an imported file's run row: the command, the file, the source tool and its
// version (null when the file does not say) and the models it holds.
json import_run_args(const std::string& format, const std::string& path, const std::string& tool,
                     const std::string& tool_version, const std::vector<std::string>& models);

// The next free sample number for (model, suite, item) in this batch: `wanted` when free
// (a tool's own repeat index), else the lowest free one.
int take_sample(ImportBatch& batch, const std::string& model, const std::string& suite,
                const std::string& item_id, std::optional<int> wanted = std::nullopt);

}  // namespace ds::results
