#pragma once
// A thin RAII layer over the SQLite C API: a connection and prepared statements.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ds::core {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  // Binds are 1-based like SQLite's; each returns *this for chaining.
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<double>& value);

  // Returns true while a row is available; throws on error.
  bool step();
  void run();  // step to completion, ignoring rows
  void reset();

  std::string text(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) with WAL journaling and a generous busy timeout, so that
  // readers never see "database is locked" while the writer commits.
  explicit Database(const std::string& path, bool read_only = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  // The same statement prepared once per connection and handed out reset, for statements
  // run once per row (compiling SQL costs more than a small insert). The caller resets a
  // SELECT it leaves unfinished, so it holds no read snapshot.
  Statement& cached(const std::string& sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back if fn throws.
  template <class F>
  void transaction(F&& fn) {
    exec("BEGIN IMMEDIATE");
    try {
      fn();
      exec("COMMIT");
    } catch (...) {
      exec("ROLLBACK");
      throw;
    }
  }

 private:
  void enter_wal_mode();
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cached_;
};

}  // namespace ds::core
