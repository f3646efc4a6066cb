#pragma once
// The results store: runs, models, items, responses and scores in one SQLite file.
// One Store object per thread; SQLite's WAL mode lets readers run beside the one writer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "results/record.hpp"
#include "core/sqlite.hpp"
#include "results/layer.hpp"

namespace ds::results {

struct ModelInfo {
  std::string name;
  std::string provider;  // "openai", "anthropic", or "import" for published transcripts
  std::string base_url;
  std::string source;    // spec text or imported file path
  bool simulated = false;  // answers come from `serve --simulate`: labelled wherever shown
};

// A prompt as stored: the suite item or the imported question turn.
struct StoredItem {
  std::string suite;
  std::string item_id;
  std::string suite_version;
  std::string system;
  json messages = json::array();  // [{"role","content"}...], the conversation before the answer
  json data = json::object();     // the whole suite item (answer, tests, choices, ...)
};

struct StoredScore {
  int64_t response_id = 0;
  std::string scorer;
  std::optional<double> value;  // nullopt = unscored
  std::string extracted;        // e.g. the extracted final answer
  json details = json::object();
};

// An answer's suite score without its text: what summaries read.
struct AnswerScore {
  int64_t response_id = 0;
  std::string model, suite, item_id;
  std::optional<double> score;  // nullopt: unscored or not scored yet
};

// How many answers of a model in a suite are unscored for one reason: the reason their
// scorer gave ("no reason recorded" when it gave none), nullopt when not scored yet.
struct UnscoredCount {
  std::string model, suite;
  std::optional<std::string> reason;
  size_t count = 0;
};

struct ResponseFilter {
  std::optional<std::string> model;
  std::optional<std::string> suite;
  std::optional<std::string> run_id;
  bool ok_only = true;  // skip responses whose error is set
};

class Store {
 public:
  // Opens or creates the store at `path` and brings its schema up to date (in one transaction:
  // runs creating a new store together all see its whole schema, or none of it). Read-only,
  // the file must exist and hold a store's tables (InputError, and no file is created) and
  // nothing in it is changed. A damaged file is an InputError naming it, when opened or read.
  explicit Store(const std::string& path, bool read_only = false);

  // Whether `path` is a store yet to be made: no file, or a file without any table yet (a run
  // creating it has not committed its schema). Another run then plans it as a new store.
  static bool is_new(const std::string& path);

  Database& db() { return db_; }
  bool read_only() const { return read_only_; }

  // Runs
  std::string begin_run(const json& args, const json& suite_hashes);
  void finish_run(const std::string& run_id, const std::string& status);
  json runs();  // array of run rows
  // The run row of an imported file (status "imported"); kept as first written, so
  // importing the same file again changes nothing.
  void record_import_run(const std::string& run_id, const json& args);

  // Models
  void upsert_model(const ModelInfo& model);
  void insert_model_if_new(const ModelInfo& model);  // an existing row is left as it is
  // Removes the model, its answers and their scores; returns how many answers went.
  // InputError when the store has no such model.
  size_t prune_model(const std::string& name);
  std::vector<ModelInfo> models();
  std::optional<ModelInfo> model(const std::string& name);

  // Items
  void upsert_item(const StoredItem& item);
  std::optional<StoredItem> item(const std::string& suite, const std::string& item_id);
  std::vector<StoredItem> items(const std::optional<std::string>& suite = std::nullopt);

  // Responses. put_response never replaces a successful answer with an error; it replaces
  // an error with an answer, and an answer with a newer answer (clearing its scores).
  // Returns the row id.
  int64_t put_response(const Record& record);
  bool has_answer(const std::string& model, const std::string& suite, const std::string& item_id,
                  int sample);
  // The text of that answer (errors left out): a later turn of a resumed run is sent with it.
  std::optional<std::string> answer_text(const std::string& model, const std::string& suite,
                                         const std::string& item_id, int sample);
  // Whether any answer (not a failed request) is stored: the reading commands need one.
  bool has_any_answer();
  std::vector<Record> responses(const ResponseFilter& filter = {});

  // Scores
  void put_score(const StoredScore& score);
  std::vector<StoredScore> scores(const std::optional<std::string>& scorer = std::nullopt);

  // What scoring reads when it scores a few items of a large store. The items (suite, item id)
  // with an answer (of `model`, when given) that has no score of its suite's scorer, or, when
  // `with_judge`, whose score may be waiting for a judge (a superset: the caller decides).
  std::vector<std::pair<std::string, std::string>> items_to_score(const std::optional<std::string>& model,
                                                                  bool with_judge);
  size_t item_count();
  // Every answer (errors left out) with its suite score, and the unscored ones counted by
  // reason: the run summary reads these instead of every answer's text.
  std::vector<AnswerScore> answer_scores();
  std::vector<UnscoredCount> unscored_counts();
  // One item's answers (errors left out), ordered by model and sample, and their suite scores.
  std::vector<Record> item_responses(const std::string& suite, const std::string& item_id);
  std::vector<StoredScore> item_scores(const std::string& suite, const std::string& item_id);

 private:
  void migrate();
  std::string select_records() const;
  // Binds a model's six columns (name … first_seen) to `sql` and runs it.
  void write_model(const char* sql, const ModelInfo& m);
  Database db_;
  bool read_only_ = false;
  bool has_ttft_ = true;
  bool has_logprobs_ = true;
};

// UTC timestamp in ISO 8601, for the store's rows.
std::string utc_now_iso8601();

}  // namespace ds::results
