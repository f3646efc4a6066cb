#pragma once
// Content-addressed store of successful responses, keyed by request_hash, in its own
// SQLite file (WAL) so that a run's results store and its cache can be kept or dropped
// independently. Errors are never stored. New answers are written in batches (one
// transaction per kBatch answers or per second): a commit per answer cost the runner's
// thread more than the request did. A crash loses at most the unwritten batch, which
// only means those answers are asked again.
#include <optional>
#include <string>
#include <unordered_map>

#include "core/types.hpp"
#include "core/sqlite.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// `.distillscope-cache.db` in the directory of the results store at `db_path`.
std::string default_cache_path(const std::string& db_path);

class ResponseCache {
 public:
  static constexpr size_t kBatch = 512;
  static constexpr double kFlushSeconds = 1.0;

  explicit ResponseCache(const std::string& path);
  ~ResponseCache();  // writes what is pending

  std::optional<Response> get(const std::string& hash);  // pending answers included
  // Ignores responses with an error; overwrites an existing entry (refresh). Written with
  // the next batch.
  void put(const std::string& hash, const Response& response);
  // Writes the pending answers when kBatch are waiting or the oldest has waited
  // kFlushSeconds (`now` in monotonic seconds); flush() writes them now.
  void flush_if_due(double now);
  void flush();
  size_t size();

 private:
  Database db_;
  Statement select_;
  Statement upsert_;
  std::unordered_map<std::string, std::string> pending_;  // hash -> serialised response
  double oldest_pending_ = 0;
};

}  // namespace ds::harness
