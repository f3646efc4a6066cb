// Our own record format (results/record.hpp), as written by `run --jsonl`.
#include <fmt/format.h>

#include <fstream>
#include <set>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

void parse_jsonl_records_file(const std::string& path, const ImportOptions& options,
                              ImportBatch& batch) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot read the records file", path));
  const std::string run_id = import_run_id(path);
  std::set<std::string> models;
  std::set<std::pair<std::string, std::string>> items;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Record r = record_from_json(parse_json_line(line, path, number, json_limits::kImport),
                                fmt::format("{}:{}", path, number));
    if (!options.model_name.empty()) r.model = options.model_name;
    if (r.run_id.empty()) r.run_id = run_id;
    r.score.reset();  // scores belong in the scores table, written by scorers
    if (models.insert(r.model).second) batch.models_if_absent.push_back({r.model, "import", "", path, false});
    if (items.insert({r.suite, r.item_id}).second) {
      StoredItem item;
      item.suite = r.suite;
      item.item_id = r.item_id;
      item.data = {{"category", ""}};
      batch.items_if_absent.push_back(item);
    }
    batch.records.push_back(std::move(r));
  }
}

}  // namespace ds::results
