#include "results/store.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>

#include "core/sha256.hpp"
#include "results/layer.hpp"
#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

namespace {

// A JSON column as written by this store; a damaged or hostile value reads as null (bounded
// parse: never a deep tree).
json stored_json(const std::string& text) { return try_parse_json(text).value; }

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
  run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
  args TEXT NOT NULL, suite_hashes TEXT NOT NULL, tool_version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS models(
  name TEXT PRIMARY KEY, provider TEXT NOT NULL, base_url TEXT, source TEXT,
  simulated INTEGER NOT NULL DEFAULT 0, first_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items(
  suite TEXT NOT NULL, item_id TEXT NOT NULL, suite_version TEXT, system TEXT,
  messages TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY(suite, item_id));
CREATE TABLE IF NOT EXISTS responses(
  id INTEGER PRIMARY KEY, run_id TEXT, model TEXT NOT NULL, suite TEXT NOT NULL,
  item_id TEXT NOT NULL, sample INTEGER NOT NULL, request_hash TEXT, text TEXT,
  finish_reason TEXT, usage TEXT, latency_ms REAL, error TEXT, created_at TEXT NOT NULL,
  UNIQUE(model, suite, item_id, sample));
CREATE INDEX IF NOT EXISTS responses_by_item ON responses(suite, item_id);
-- Covers what summaries read of every answer (answer_scores), so they skip the answers' text.
CREATE INDEX IF NOT EXISTS responses_outline ON responses(model, suite, item_id, sample, error);
CREATE TABLE IF NOT EXISTS scores(
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  scorer TEXT NOT NULL, value REAL, extracted TEXT, details TEXT,
  PRIMARY KEY(response_id, scorer));
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
)SQL";

Record read_record(const Statement& s) {
  Record r;
  r.id = s.integer(0);
  r.run_id = s.text(1);
  r.model = s.text(2);
  r.suite = s.text(3);
  r.item_id = s.text(4);
  r.sample = static_cast<int>(s.integer(5));
  r.request_hash = s.text(6);
  r.text = s.text(7);
  r.finish_reason = s.text(8);
  const std::string usage = s.text(9);
  r.usage = usage.empty() ? json::object() : stored_json(usage);
  r.latency_ms = s.real(10);
  r.error = s.text(11);
  if (!s.is_null(12)) r.score = s.real(12);
  if (!s.is_null(13)) r.ttft_ms = s.real(13);
  if (!s.is_null(14)) r.logprobs = stored_json(s.text(14));
  return r;
}

}  // namespace

std::string utc_now_iso8601() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// A reading command must not leave an empty store behind at a mistyped path.
const std::string& existing(const std::string& path, bool read_only) {
  if (read_only && !std::filesystem::exists(path))
    throw InputError(fmt::format(
        "{}: no results store here; run `distillscope run` or `import` first, or pass --db PATH", path));
  return path;
}

// The tables every store has had since its first version.
bool tables_present(Database& db) {
  auto s = db.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('responses','items','models','runs')");
  return s.step() && s.integer(0) == 4;
}

bool has_column(Database& db, const char* table, const char* column) {
  auto s = db.prepare(fmt::format("PRAGMA table_info({})", table));
  while (s.step())
    if (s.text(1) == column) return true;
  return false;
}

}  // namespace

Store::Store(const std::string& path, bool read_only)
    : db_(existing(path, read_only), read_only), read_only_(read_only) {
  if (!read_only) migrate();
  else if (!tables_present(db_))
    throw InputError(fmt::format("{}: not a distillscope results store (tables missing); pass the --db "
                                 "of a run or import", path));
  has_ttft_ = has_column(db_, "responses", "ttft_ms");
  has_logprobs_ = has_column(db_, "responses", "logprobs");
}

bool Store::is_new(const std::string& path) {
  if (!std::filesystem::exists(path)) return true;
  Database db(path, /*read_only=*/true);
  auto s = db.prepare("SELECT count(*) FROM sqlite_master");
  return s.step() && s.integer(0) == 0;
}

void Store::migrate() {
  // One transaction: several runs may create a new store at once, and each must find the
  // whole schema or none (a reader saw some tables and not others: "no such table: models").
  db_.transaction([&] {
    db_.exec(kSchema);
    // Added after schema version 1: stores written before it get the column, empty.
    if (!has_column(db_, "responses", "ttft_ms")) db_.exec("ALTER TABLE responses ADD COLUMN ttft_ms REAL");
    // Token log-probabilities (run --logprobs), compact JSON; NULL when not asked for.
    if (!has_column(db_, "responses", "logprobs")) db_.exec("ALTER TABLE responses ADD COLUMN logprobs TEXT");
  });
}

std::string Store::begin_run(const json& args, const json& suite_hashes) {
  std::random_device rd;
  const std::string seed = fmt::format("{}-{}-{}", utc_now_iso8601(), rd(), rd());
  const std::string run_id = "run-" + sha256_hex(seed).substr(0, 12);
  db_.prepare(
         "INSERT INTO runs(run_id, started_at, status, args, suite_hashes, tool_version) "
         "VALUES(?,?,?,?,?,?)")
      .bind(1, run_id)
      .bind(2, utc_now_iso8601())
      .bind(3, "running")
      .bind(4, dump_json(args))
      .bind(5, dump_json(suite_hashes))
      .bind(6, DS_VERSION)
      .run();
  return run_id;
}

void Store::finish_run(const std::string& run_id, const std::string& status) {
  db_.prepare("UPDATE runs SET finished_at=?, status=? WHERE run_id=?")
      .bind(1, utc_now_iso8601())
      .bind(2, status)
      .bind(3, run_id)
      .run();
}

void Store::record_import_run(const std::string& run_id, const json& args) {
  const std::string now = utc_now_iso8601();
  db_.prepare(
         "INSERT OR IGNORE INTO runs(run_id, started_at, finished_at, status, args, suite_hashes, "
         "tool_version) VALUES(?,?,?,?,?,?,?)")
      .bind(1, run_id)
      .bind(2, now)
      .bind(3, now)
      .bind(4, "imported")
      .bind(5, dump_json(args))
      .bind(6, "{}")
      .bind(7, DS_VERSION)
      .run();
}

json Store::runs() {
  json out = json::array();
  auto s = db_.prepare(
      "SELECT run_id, started_at, finished_at, status, args, suite_hashes, tool_version "
      "FROM runs ORDER BY started_at");
  while (s.step()) {
    out.push_back({{"run_id", s.text(0)},
                   {"started_at", s.text(1)},
                   {"finished_at", s.is_null(2) ? json(nullptr) : json(s.text(2))},
                   {"status", s.text(3)},
                   {"args", stored_json(s.text(4))},
                   {"suite_hashes", stored_json(s.text(5))},
                   {"tool_version", s.text(6)}});
  }
  return out;
}

void Store::upsert_model(const ModelInfo& m) {
  write_model(
      "INSERT INTO models(name, provider, base_url, source, simulated, first_seen) "
      "VALUES(?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET provider=excluded.provider, "
      "base_url=excluded.base_url, source=excluded.source, simulated=excluded.simulated",
      m);
}

void Store::insert_model_if_new(const ModelInfo& m) {
  write_model(
      "INSERT OR IGNORE INTO models(name, provider, base_url, source, simulated, first_seen) "
      "VALUES(?,?,?,?,?,?)",
      m);
}

void Store::write_model(const char* sql, const ModelInfo& m) {
  db_.prepare(sql)
      .bind(1, m.name)
      .bind(2, m.provider)
      .bind(3, m.base_url)
      .bind(4, m.source)
      .bind(5, m.simulated ? 1 : 0)
      .bind(6, utc_now_iso8601())
      .run();
}

size_t Store::prune_model(const std::string& name) {
  if (!model(name)) {
    std::string known;
    for (const auto& m : models()) known += (known.empty() ? "" : ", ") + m.name;
    throw InputError(fmt::format("{}: no model '{}' in this store (models: {})", db_.path(), name,
                                 known.empty() ? "none" : known));
  }
  size_t removed = 0;
  db_.transaction([&] {
    // Scores and lineage features go with their responses (ON DELETE CASCADE).
    db_.prepare("DELETE FROM responses WHERE model=?").bind(1, name).run();
    removed = static_cast<size_t>(db_.changes());
    db_.prepare("DELETE FROM models WHERE name=?").bind(1, name).run();
  });
  return removed;
}

std::vector<ModelInfo> Store::models() {
  std::vector<ModelInfo> out;
  auto s = db_.prepare(
      "SELECT name, provider, base_url, source, simulated FROM models ORDER BY name");
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0});
  return out;
}

std::optional<ModelInfo> Store::model(const std::string& name) {
  auto s = db_.prepare("SELECT name, provider, base_url, source, simulated FROM models WHERE name=?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return ModelInfo{s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0};
}

void Store::upsert_item(const StoredItem& item) {
  db_.cached(
         "INSERT INTO items(suite, item_id, suite_version, system, messages, data) "
         "VALUES(?,?,?,?,?,?) ON CONFLICT(suite, item_id) DO UPDATE SET "
         "suite_version=excluded.suite_version, system=excluded.system, "
         "messages=excluded.messages, data=excluded.data")
      .bind(1, item.suite)
      .bind(2, item.item_id)
      .bind(3, item.suite_version)
      .bind(4, item.system)
      .bind(5, dump_json(item.messages))
      .bind(6, dump_json(item.data))
      .run();
}

namespace {
StoredItem read_item(const Statement& s) {
  StoredItem item;
  item.suite = s.text(0);
  item.item_id = s.text(1);
  item.suite_version = s.text(2);
  item.system = s.text(3);
  item.messages = stored_json(s.text(4));
  item.data = stored_json(s.text(5));
  return item;
}
}  // namespace

std::optional<StoredItem> Store::item(const std::string& suite, const std::string& item_id) {
  auto s = db_.prepare(
      "SELECT suite, item_id, suite_version, system, messages, data FROM items "
      "WHERE suite=? AND item_id=?");
  s.bind(1, suite).bind(2, item_id);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

std::vector<StoredItem> Store::items(const std::optional<std::string>& suite) {
  std::vector<StoredItem> out;
  auto s = db_.prepare(
      "SELECT suite, item_id, suite_version, system, messages, data FROM items "
      "WHERE (?1 IS NULL OR suite=?1) ORDER BY suite, item_id");
  if (suite) s.bind(1, *suite);
  while (s.step()) out.push_back(read_item(s));
  return out;
}

int64_t Store::put_response(const Record& record) {
  // Answers, finish reasons and errors come from outside (a stream cut inside a character, an
  // error excerpt of a binary body): stored as valid UTF-8, so every output can be written.
  Record repaired;
  const bool valid = utf8_valid(record.text) && utf8_valid(record.error) && utf8_valid(record.finish_reason);
  if (!valid) {
    repaired = record;
    for (std::string* text : {&repaired.text, &repaired.error, &repaired.finish_reason})
      *text = utf8_sanitize(*text);
  }
  const Record& r = valid ? record : repaired;
  const std::string now = utc_now_iso8601();
  // A stored answer survives a later error; an error row is replaced by anything; a newer
  // answer replaces an older one (--refresh), and the older answer's scores go with it.
  auto& existing = db_.cached(
      "SELECT id, error, text FROM responses WHERE model=? AND suite=? AND item_id=? AND sample=?");
  existing.bind(1, r.model).bind(2, r.suite).bind(3, r.item_id).bind(4, r.sample);
  if (existing.step()) {
    const int64_t id = existing.integer(0);
    const bool had_answer = existing.is_null(1) || existing.text(1).empty();
    const bool same_text = had_answer && existing.text(2) == r.text;
    existing.reset();
    if (had_answer && (!r.error.empty() || same_text)) return id;
    db_.cached("DELETE FROM scores WHERE response_id=?").bind(1, id).run();
    auto& update = db_.cached(
        "UPDATE responses SET run_id=?, request_hash=?, text=?, finish_reason=?, usage=?, "
           "latency_ms=?, error=?, created_at=?, ttft_ms=?, logprobs=? WHERE id=?");
    update.bind(1, r.run_id)
        .bind(2, r.request_hash)
        .bind(3, r.text)
        .bind(4, r.finish_reason)
        .bind(5, dump_json(r.usage))
        .bind(6, r.latency_ms)
        .bind_null(7)
        .bind(8, now)
        .bind(9, r.ttft_ms)
        .bind_null(10)
        .bind(11, id);
    if (!r.error.empty()) update.bind(7, r.error);
    if (r.logprobs) update.bind(10, dump_json(*r.logprobs));
    update.run();
    return id;
  }
  existing.reset();
  auto& insert = db_.cached(
      "INSERT INTO responses(run_id, model, suite, item_id, sample, request_hash, text, "
      "finish_reason, usage, latency_ms, error, created_at, ttft_ms, logprobs) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, r.run_id)
      .bind(2, r.model)
      .bind(3, r.suite)
      .bind(4, r.item_id)
      .bind(5, r.sample)
      .bind(6, r.request_hash)
      .bind(7, r.text)
      .bind(8, r.finish_reason)
      .bind(9, dump_json(r.usage))
      .bind(10, r.latency_ms);
  if (r.error.empty()) insert.bind_null(11); else insert.bind(11, r.error);
  insert.bind(12, now);
  insert.bind(13, r.ttft_ms);
  if (r.logprobs) insert.bind(14, dump_json(*r.logprobs)); else insert.bind_null(14);
  insert.run();
  return db_.last_insert_id();
}

bool Store::has_answer(const std::string& model, const std::string& suite,
                       const std::string& item_id, int sample) {
  auto& s = db_.cached(
      "SELECT 1 FROM responses WHERE model=? AND suite=? AND item_id=? AND sample=? "
      "AND error IS NULL");
  s.bind(1, model).bind(2, suite).bind(3, item_id).bind(4, sample);
  const bool found = s.step();
  s.reset();
  return found;
}

std::optional<std::string> Store::answer_text(const std::string& model, const std::string& suite,
                                              const std::string& item_id, int sample) {
  auto& s = db_.cached(
      "SELECT text FROM responses WHERE model=? AND suite=? AND item_id=? AND sample=? "
      "AND error IS NULL");
  s.bind(1, model).bind(2, suite).bind(3, item_id).bind(4, sample);
  std::optional<std::string> text;
  if (s.step()) text = s.text(0);
  s.reset();
  return text;
}

bool Store::has_any_answer() {
  auto s = db_.prepare("SELECT 1 FROM responses WHERE error IS NULL LIMIT 1");
  return s.step();
}

// The columns read_record reads, each answer with its suite scorer's value; a WHERE follows.
// A store written before ttft_ms existed, opened read-only, cannot gain the column.
std::string Store::select_records() const {
  return std::string(
             "SELECT r.id, r.run_id, r.model, r.suite, r.item_id, r.sample, r.request_hash, r.text, "
             "r.finish_reason, r.usage, r.latency_ms, r.error, sc.value, ") +
         (has_ttft_ ? "r.ttft_ms" : "NULL") + (has_logprobs_ ? ", r.logprobs" : ", NULL") +
         " FROM responses r LEFT JOIN scores sc ON sc.response_id = r.id AND sc.scorer = r.suite ";
}

std::vector<Record> Store::responses(const ResponseFilter& f) {
  std::vector<Record> out;
  // The primary score is the suite's scorer (scorer name == suite name).
  auto s = db_.prepare(select_records() +
      "WHERE (?1 IS NULL OR r.model=?1) AND (?2 IS NULL OR r.suite=?2) "
      "AND (?3 IS NULL OR r.run_id=?3) AND (?4 = 0 OR r.error IS NULL) "
      "ORDER BY r.model, r.suite, r.item_id, r.sample");
  if (f.model) s.bind(1, *f.model);
  if (f.suite) s.bind(2, *f.suite);
  if (f.run_id) s.bind(3, *f.run_id);
  s.bind(4, f.ok_only ? 1 : 0);
  while (s.step()) out.push_back(read_record(s));
  return out;
}

void Store::put_score(const StoredScore& sc) {
  db_.cached(
         "INSERT INTO scores(response_id, scorer, value, extracted, details) VALUES(?,?,?,?,?) "
         "ON CONFLICT(response_id, scorer) DO UPDATE SET value=excluded.value, "
         "extracted=excluded.extracted, details=excluded.details")
      .bind(1, sc.response_id)
      .bind(2, sc.scorer)
      .bind(3, sc.value)
      .bind(4, sc.extracted)
      .bind(5, dump_json(sc.details))
      .run();
}

namespace {

StoredScore read_score(const Statement& s) {
  StoredScore sc;
  sc.response_id = s.integer(0);
  sc.scorer = s.text(1);
  if (!s.is_null(2)) sc.value = s.real(2);
  sc.extracted = s.text(3);
  sc.details = stored_json(s.text(4));
  return sc;
}

}  // namespace

std::vector<StoredScore> Store::scores(const std::optional<std::string>& scorer) {
  std::vector<StoredScore> out;
  auto s = db_.prepare(
      "SELECT response_id, scorer, value, extracted, details FROM scores "
      "WHERE (?1 IS NULL OR scorer=?1) ORDER BY response_id, scorer");
  if (scorer) s.bind(1, *scorer);
  while (s.step()) out.push_back(read_score(s));
  return out;
}

std::vector<std::pair<std::string, std::string>> Store::items_to_score(const std::optional<std::string>& model,
                                                                       bool with_judge) {
  std::vector<std::pair<std::string, std::string>> out;
  auto s = db_.prepare(
      "SELECT DISTINCT r.suite, r.item_id FROM responses r "
      "LEFT JOIN scores sc ON sc.response_id = r.id AND sc.scorer = r.suite "
      "WHERE r.error IS NULL AND (?1 IS NULL OR r.model = ?1) AND (sc.response_id IS NULL OR "
      "(?2 = 1 AND sc.value IS NULL AND instr(sc.details, 'needs_judge') > 0)) "
      "ORDER BY r.suite, r.item_id");
  if (model) s.bind(1, *model);
  s.bind(2, with_judge ? 1 : 0);
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  return out;
}

std::vector<AnswerScore> Store::answer_scores() {
  std::vector<AnswerScore> out;
  auto s = db_.prepare(
      "SELECT r.id, r.model, r.suite, r.item_id, sc.value FROM responses r "
      "LEFT JOIN scores sc ON sc.response_id = r.id AND sc.scorer = r.suite "
      "WHERE r.error IS NULL ORDER BY r.model, r.suite, r.item_id, r.sample");
  while (s.step()) {
    AnswerScore a{s.integer(0), s.text(1), s.text(2), s.text(3), std::nullopt};
    if (!s.is_null(4)) a.score = s.real(4);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<UnscoredCount> Store::unscored_counts() {
  std::vector<UnscoredCount> out;
  // CASE, unlike AND, never evaluates json_type on details that are not valid JSON.
  auto s = db_.prepare(
      "SELECT r.model, r.suite, CASE WHEN sc.response_id IS NULL THEN NULL "
      "WHEN NOT json_valid(sc.details) THEN 'no reason recorded' "
      "WHEN json_type(sc.details, '$.unscored') = 'text' THEN json_extract(sc.details, '$.unscored') "
      "ELSE 'no reason recorded' END AS reason, COUNT(*) FROM responses r "
      "LEFT JOIN scores sc ON sc.response_id = r.id AND sc.scorer = r.suite "
      "WHERE r.error IS NULL AND sc.value IS NULL GROUP BY r.model, r.suite, reason");
  while (s.step()) {
    UnscoredCount c{s.text(0), s.text(1), std::nullopt, static_cast<size_t>(s.integer(3))};
    if (!s.is_null(2)) c.reason = s.text(2);
    out.push_back(std::move(c));
  }
  return out;
}

size_t Store::item_count() {
  auto s = db_.prepare("SELECT COUNT(*) FROM items");
  return s.step() ? static_cast<size_t>(s.integer(0)) : 0;
}

std::vector<Record> Store::item_responses(const std::string& suite, const std::string& item_id) {
  std::vector<Record> out;
  auto& s = db_.cached(select_records() + "WHERE r.suite = ?1 AND r.item_id = ?2 AND r.error IS NULL ORDER BY r.model, r.sample");
  s.bind(1, suite).bind(2, item_id);
  while (s.step()) out.push_back(read_record(s));
  return out;
}

std::vector<StoredScore> Store::item_scores(const std::string& suite, const std::string& item_id) {
  std::vector<StoredScore> out;
  auto& s = db_.cached(
      "SELECT sc.response_id, sc.scorer, sc.value, sc.extracted, sc.details FROM responses r "
      "JOIN scores sc ON sc.response_id = r.id AND sc.scorer = r.suite "
      "WHERE r.suite = ?1 AND r.item_id = ?2 AND r.error IS NULL");
  s.bind(1, suite).bind(2, item_id);
  while (s.step()) out.push_back(read_score(s));
  return out;
}

}  // namespace ds::results
