#include "results/lineage_features.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "core/json.hpp"
#include "results/layer.hpp"
#include "tasks/suite_kind.hpp"

namespace ds::results {

using namespace scorers::lineage;

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS lineage_features(
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  version INTEGER NOT NULL, created_at TEXT NOT NULL, blob TEXT NOT NULL,
  claim_name TEXT, claim_maker TEXT, claim_quote TEXT,
  PRIMARY KEY(response_id, version));
)SQL";

bool has_table(Database& db, const char* name) {
  auto s = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  s.bind(1, std::string(name));
  return s.step();
}

// A store opened read-only keeps what it has; features computed now go to a TEMP table of
// the same name (it shadows the stored one for this connection) holding the stored rows too.
void use_session_table(Database& db) {
  const bool stored = has_table(db, "lineage_features");
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS lineage_features(response_id INTEGER NOT NULL, "
      "version INTEGER NOT NULL, created_at TEXT NOT NULL, blob TEXT NOT NULL, claim_name TEXT, "
      "claim_maker TEXT, claim_quote TEXT, PRIMARY KEY(response_id, version))");
  if (stored) db.exec("INSERT OR IGNORE INTO temp.lineage_features SELECT * FROM main.lineage_features");
}

}  // namespace

void create_feature_table(Store& store) { store.db().exec(kSchema); }

void put_feature_row(Store& store, int64_t response_id, const FeatureRow& row) {
  // The row carries the response's created_at (a later replacement of the text makes it
  // stale); an error row has no features.
  auto& insert = store.db().cached(
      "INSERT OR REPLACE INTO lineage_features(response_id, version, created_at, blob, claim_name, "
      "claim_maker, claim_quote) SELECT id, ?2, created_at, ?3, ?4, ?5, ?6 FROM responses "
      "WHERE id = ?1 AND error IS NULL");
  insert.bind(1, response_id).bind(2, kFeatureVersion).bind(3, row.blob);
  if (row.claim)
    insert.bind(4, row.claim->name).bind(5, row.claim->maker).bind(6, row.claim->quote);
  insert.run();
}

size_t ensure_features(Store& store, const ProgressFn& progress) {
  auto& db = store.db();
  if (!store.read_only()) {
    create_feature_table(store);
  } else if (!has_table(db, "lineage_features")) {
    use_session_table(db);
  }
  // A response whose text was replaced gets a new created_at: its old features are stale.
  std::vector<int64_t> ids;
  std::vector<std::string> texts;
  {
    auto s = db.prepare(
        "SELECT r.id, r.text FROM responses r LEFT JOIN lineage_features f "
        "ON f.response_id = r.id AND f.version = ?1 AND f.created_at = r.created_at "
        "WHERE f.response_id IS NULL AND r.error IS NULL ORDER BY r.id");
    s.bind(1, kFeatureVersion);
    while (s.step()) {
      ids.push_back(s.integer(0));
      texts.push_back(s.text(1));
    }
  }
  if (ids.empty()) return 0;
  if (store.read_only()) use_session_table(db);
  // BEGIN IMMEDIATE would ask for a write lock on a store opened read-only.
  const auto write = [&](const auto& fn) {
    if (!store.read_only()) return db.transaction(fn);
    db.exec("SAVEPOINT features");
    fn();
    db.exec("RELEASE features");
  };
  write([&] {
    FeaturePool pool({texts.begin(), texts.end()}, {}, feature_threads());
    for (size_t i = 0; i < ids.size(); ++i) {
      put_feature_row(store, ids[i], pool.take(i));
      std::string().swap(texts[i]);
      if ((i + 1) % 64 == 0 || i + 1 == ids.size()) report_progress(progress, "features", i + 1, ids.size());
    }
  });
  return ids.size();
}

namespace {

struct Row {
  std::string model, prompt;
  ResponseEntry entry;
};

// Computes the features of rows[index[k]] from texts[k] on every feature thread, dropping
// each text once it is featurised.
void featurise(std::vector<Row>& rows, const std::vector<size_t>& index, std::vector<std::string>& texts) {
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t k = next++; k < index.size(); k = next++) {
      rows[index[k]].entry.features = compute_features(texts[k]);
      std::string().swap(texts[k]);
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < feature_threads(); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
}

// Every answer with its features: stored ones decoded, the others (missing or stale: a
// replaced text has a new created_at) computed from the text in memory, chunk by chunk as
// they are read, so a store read without stored features never holds all its texts at once.
std::vector<Row> load_rows(Store& store, const ProgressFn& progress) {
  auto& db = store.db();
  const bool stored = has_table(db, "lineage_features");
  auto s = db.prepare(
      stored ? "SELECT r.id, r.model, r.suite || '/' || r.item_id, r.sample, f.blob, f.claim_name, "
               "f.claim_maker, f.claim_quote, CASE WHEN f.blob IS NULL THEN r.text END "
               "FROM responses r LEFT JOIN lineage_features f ON f.response_id = r.id "
               "AND f.version = ?1 AND f.created_at = r.created_at WHERE r.error IS NULL"
             : "SELECT r.id, r.model, r.suite || '/' || r.item_id, r.sample, NULL, NULL, NULL, NULL, "
               "r.text FROM responses r WHERE r.error IS NULL");
  if (stored) s.bind(1, kFeatureVersion);
  size_t total = 0;
  {
    auto count = db.prepare("SELECT count(*) FROM responses");
    if (count.step()) total = static_cast<size_t>(count.integer(0));
  }
  constexpr size_t kChunk = 8192;
  std::vector<Row> rows;
  rows.reserve(total);
  std::vector<size_t> index;
  std::vector<std::string> texts;
  const auto flush = [&] {
    featurise(rows, index, texts);
    index.clear();
    texts.clear();
    report_progress(progress, "features", rows.size(), std::max(total, rows.size()));
  };
  while (s.step()) {
    Row row{s.text(1), s.text(2), {}};
    row.entry.response_id = s.integer(0);
    row.entry.sample = static_cast<int>(s.integer(3));
    if (s.is_null(4)) {
      index.push_back(rows.size());
      texts.push_back(s.text(8));
    } else {
      row.entry.features = decode_features(s.text(4));
      if (!s.is_null(5) || !s.is_null(6))
        row.entry.features.claim = IdentityClaim{s.text(5), s.text(6), s.text(7)};
    }
    rows.push_back(std::move(row));
    if (texts.size() == kChunk) flush();
  }
  if (!texts.empty()) flush();
  return rows;
}

}  // namespace

Corpus load_corpus(Store& store, const CorpusOptions& options) {
  // A store opened for writing keeps what is computed now; a read-only one is not changed.
  if (!store.read_only()) ensure_features(store, options.progress);
  auto& db = store.db();
  Corpus c;
  std::vector<Row> rows = load_rows(store, options.progress);
  std::unordered_map<int64_t, std::vector<ScoredAnswer>> scores;
  {
    // Graded answers, and ungraded ones with an extracted fingerprint (probe answers: their
    // distributions are lineage evidence). Only a graded answer can be wrong.
    auto s = db.prepare("SELECT response_id, scorer, value, extracted FROM scores "
                        "WHERE value IS NOT NULL OR (extracted IS NOT NULL AND extracted != '')");
    while (s.step())
      scores[s.integer(0)].push_back({s.text(1), !s.is_null(2) && s.real(2) <= 0.0, s.text(3)});
  }
  for (const auto& r : rows) {
    c.models.push_back(r.model);
    c.prompts.push_back(r.prompt);
  }
  for (auto* v : {&c.models, &c.prompts}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  // Models registered without answers still appear (with empty cells) so names resolve.
  for (const auto& m : store.models())
    if (c.model_index(m.name) < 0) {
      c.models.push_back(m.name);
      std::sort(c.models.begin(), c.models.end());
    }
  c.cells.assign(c.models.size(), std::vector<std::vector<ResponseEntry>>(c.prompts.size()));
  for (auto& r : rows) {
    const int m = c.model_index(r.model);
    const auto p = std::lower_bound(c.prompts.begin(), c.prompts.end(), r.prompt) - c.prompts.begin();
    if (auto it = scores.find(r.entry.response_id); it != scores.end()) r.entry.scores = it->second;
    c.cells[m][p].push_back(std::move(r.entry));
  }
  for (auto& model : c.cells)
    for (auto& cell : model)
      std::sort(cell.begin(), cell.end(),
                [](const ResponseEntry& a, const ResponseEntry& b) { return a.sample < b.sample; });
  c.expected.assign(c.prompts.size(), "");
  c.kinds.assign(c.prompts.size(), std::nullopt);
  {
    auto s = db.prepare("SELECT suite || '/' || item_id, data, suite FROM items");
    while (s.step()) {
      const auto it = std::lower_bound(c.prompts.begin(), c.prompts.end(), s.text(0));
      if (it == c.prompts.end() || *it != s.text(0)) continue;
      const size_t p = static_cast<size_t>(it - c.prompts.begin());
      const json data = json::parse(s.text(1), nullptr, false);
      if (data.is_object() && data.contains("answer") && data["answer"].is_string())
        c.expected[p] = data["answer"].get<std::string>();
      c.kinds[p] = resolve_suite_kind(s.text(2), data.is_object() ? data : json::object());
    }
  }
  if (options.first_texts) {
    c.first_texts.assign(c.models.size(), std::vector<std::string>(c.prompts.size()));
    auto s = db.prepare("SELECT id, text FROM responses WHERE error IS NULL");
    std::unordered_map<int64_t, std::string> by_id;
    while (s.step()) by_id.emplace(s.integer(0), s.text(1));
    for (size_t m = 0; m < c.models.size(); ++m)
      for (size_t p = 0; p < c.prompts.size(); ++p)
        if (!c.cells[m][p].empty())
          if (auto it = by_id.find(c.cells[m][p].front().response_id); it != by_id.end())
            c.first_texts[m][p] = std::move(it->second);
  }
  // Texts only where a cell holds several samples; single-sample stores read no text at all.
  auto text = db.prepare("SELECT substr(text, 1, ?2) FROM responses WHERE id = ?1");
  for (auto& model : c.cells)
    for (auto& cell : model) {
      if (cell.size() < 2) continue;
      for (size_t k = 0; k < cell.size() && k < kMmdMaxSamples; ++k) {
        text.reset();
        text.bind(1, cell[k].response_id).bind(2, kMmdMaxChars);
        if (text.step()) cell[k].text = text.text(0);
      }
    }
  return c;
}

}  // namespace ds::results
