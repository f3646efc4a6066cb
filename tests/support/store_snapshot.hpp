#pragma once
// Test support: every row of a results store as text, to check that something left the
// store unchanged (a rejected import) or changed exactly what it should.
#include <string>

namespace ds::test {

// Rows of runs, models, items, responses and scores, sorted, without the timestamps a write
// sets (so an idempotent re-import compares equal).
std::string store_snapshot(const std::string& db_path);

// Rows in `table` of the store.
size_t store_rows(const std::string& db_path, const std::string& table);

}  // namespace ds::test
