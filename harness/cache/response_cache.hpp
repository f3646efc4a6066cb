#pragma once
// Content-addressed store of successful responses, keyed by request_hash, in its own
// SQLite file (WAL) so that a run's results store and its cache can be kept or dropped
// independently. Errors are never stored.
#include <optional>
#include <string>

#include "core/types.hpp"
#include "core/sqlite.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// `.distillscope-cache.db` in the directory of the results store at `db_path`.
std::string default_cache_path(const std::string& db_path);

class ResponseCache {
 public:
  explicit ResponseCache(const std::string& path);

  std::optional<Response> get(const std::string& hash);
  // Ignores responses with an error; overwrites an existing entry (refresh).
  void put(const std::string& hash, const Response& response);
  size_t size();

 private:
  Database db_;
  Statement select_;
  Statement upsert_;
};

}  // namespace ds::harness
