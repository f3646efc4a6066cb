#include "core/sqlite.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include <stdexcept>

#include "core/errors.hpp"

namespace ds::core {

namespace {

// A damaged or foreign database file is bad input (exit 2, naming the file and what is
// wrong); any other SQLite failure is ours. `what` is SQLite's message; `context` the SQL.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& what, std::string_view context) {
  const int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    const char* file = sqlite3_db_filename(db, "main");
    throw InputError(fmt::format("{}: the results store is damaged ({}); restore it from a backup, or "
                                 "run again into a new --db",
                                 file && *file ? file : "results store", what));
  }
  if (context.empty()) throw std::runtime_error(fmt::format("SQLite: {}", what));
  throw std::runtime_error(fmt::format("SQLite: {} in: {}", what, context.substr(0, 200)));
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
      rc != SQLITE_OK)
    throw_sqlite(db, sqlite3_extended_errcode(db), sqlite3_errmsg(db), sql);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}
Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite(db_, sqlite3_extended_errcode(db_), sqlite3_errmsg(db_), "");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}
int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Database::Database(const std::string& path, bool read_only) : path_(path) {
  const int flags = read_only ? SQLITE_OPEN_READONLY
                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError(fmt::format("{}: cannot open results store ({}); check the --db path", path,
                                 why));
  }
  sqlite3_busy_timeout(db_, 60000);
  if (!read_only) {
    enter_wal_mode();
    exec("PRAGMA synchronous=NORMAL");
  }
  exec("PRAGMA foreign_keys=ON");
}

void Database::enter_wal_mode() {
  // Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once
  // (without its busy handler) while another process is creating the same store: retry for as
  // long as the busy timeout would have waited.
  for (int attempt = 0;; ++attempt) {
    const int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= 3000) {
      exec("PRAGMA journal_mode=WAL");  // throws with SQLite's message
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Database::~Database() {
  cached_.clear();  // finalised before the connection closes
  sqlite3_close_v2(db_);
}

Statement& Database::cached(const std::string& sql) {
  auto& slot = cached_[sql];
  if (!slot) slot = std::make_unique<Statement>(db_, sql);
  slot->reset();
  return *slot;
}

void Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    const std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw_sqlite(db_, sqlite3_extended_errcode(db_), msg, s);
  }
}

}  // namespace ds::core
