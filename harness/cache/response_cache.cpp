#include "harness/cache/response_cache.hpp"

#include <chrono>
#include <filesystem>

#include "core/json.hpp"
#include "harness/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::harness {

namespace {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Database& prepared_schema(Database& db) {
  db.exec("PRAGMA synchronous=NORMAL");  // WAL + NORMAL: durable across crashes of the process
  db.exec(
      "CREATE TABLE IF NOT EXISTS responses ("
      " hash TEXT PRIMARY KEY,"
      " response TEXT NOT NULL,"
      " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
  return db;
}

json to_json(const Response& r) {
  json j = {{"text", r.text},
            {"finish_reason", r.finish_reason},
            {"prompt_tokens", r.usage.prompt_tokens},
            {"completion_tokens", r.usage.completion_tokens},
            {"latency_ms", r.latency_ms},
            {"http_status", r.http_status}};
  if (r.logprobs) j["logprobs"] = *r.logprobs;
  return j;
}

std::optional<Response> from_json(const std::string& text) {
  const JsonParse parsed = try_parse_json(text, json_limits::kEndpointReply);
  const json& j = parsed.value;
  if (!parsed.ok() || !j.is_object()) return std::nullopt;  // a damaged entry is a miss, not a crash
  try {
    Response r;
    r.text = j.at("text").get<std::string>();
    r.finish_reason = j.value("finish_reason", "");
    r.usage.prompt_tokens = j.value("prompt_tokens", int64_t{0});
    r.usage.completion_tokens = j.value("completion_tokens", int64_t{0});
    r.latency_ms = j.value("latency_ms", 0.0);
    r.http_status = j.value("http_status", 200);
    if (j.contains("logprobs")) r.logprobs = j["logprobs"];
    return r;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string default_cache_path(const std::string& db_path) {
  const auto dir = std::filesystem::path(db_path).parent_path();
  return (dir / ".distillscope-cache.db").string();
}

ResponseCache::ResponseCache(const std::string& path)
    : db_(path),
      select_(prepared_schema(db_).prepare("SELECT response FROM responses WHERE hash = ?")),
      upsert_(db_.prepare(
          "INSERT INTO responses(hash, response) VALUES(?, ?)"
          " ON CONFLICT(hash) DO UPDATE SET response = excluded.response,"
          " created_at = excluded.created_at")) {}

ResponseCache::~ResponseCache() {
  try {
    flush();
  } catch (...) {
    // A cache that cannot be written loses entries, never the run.
  }
}

std::optional<Response> ResponseCache::get(const std::string& hash) {
  if (const auto it = pending_.find(hash); it != pending_.end()) return from_json(it->second);
  select_.reset();
  select_.bind(1, hash);
  std::optional<Response> found;
  if (select_.step()) found = from_json(select_.text(0));
  select_.reset();
  return found;
}

void ResponseCache::put(const std::string& hash, const Response& response) {
  if (!response.ok()) return;
  if (pending_.empty()) oldest_pending_ = monotonic_seconds();
  pending_[hash] = dump_json(to_json(response));
  if (pending_.size() >= kBatch) flush();
}

void ResponseCache::flush_if_due(double now) {
  if (!pending_.empty() && now - oldest_pending_ >= kFlushSeconds) flush();
}

void ResponseCache::flush() {
  if (pending_.empty()) return;
  db_.transaction([&] {
    for (const auto& [hash, text] : pending_) {
      upsert_.reset();
      upsert_.bind(1, hash).bind(2, text);
      upsert_.run();
    }
    upsert_.reset();
  });
  pending_.clear();
}

size_t ResponseCache::size() {
  flush();
  Statement count = db_.prepare("SELECT COUNT(*) FROM responses");
  count.step();
  return static_cast<size_t>(count.integer(0));
}

}  // namespace ds::harness
