#include "tests/support/store_snapshot.hpp"

#include <algorithm>
#include <vector>

#include "results/store.hpp"

namespace ds::test {

using ds::results::Store;

namespace {

std::vector<std::string> rows(Store& store, const std::string& sql) {
  std::vector<std::string> out;
  auto s = store.db().prepare(sql);
  while (s.step()) out.push_back(s.text(0));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string store_snapshot(const std::string& db_path) {
  Store store(db_path);
  std::string out;
  const char* queries[] = {
      "SELECT run_id || '|' || status || '|' || args FROM runs",
      "SELECT name || '|' || provider || '|' || source FROM models",
      "SELECT suite || '|' || item_id || '|' || messages || '|' || data FROM items",
      "SELECT id || '|' || run_id || '|' || model || '|' || suite || '|' || item_id || '|' || "
      "sample || '|' || text FROM responses",
      "SELECT response_id || '|' || scorer || '|' || ifnull(value, 'null') || '|' || "
      "ifnull(extracted, '') || '|' || ifnull(details, '') FROM scores"};
  for (const char* q : queries)
    for (const auto& row : rows(store, q)) out += row + "\n";
  return out;
}

size_t store_rows(const std::string& db_path, const std::string& table) {
  Store store(db_path);
  auto s = store.db().prepare("SELECT COUNT(*) FROM " + table);
  s.step();
  return static_cast<size_t>(s.integer(0));
}

}  // namespace ds::test
