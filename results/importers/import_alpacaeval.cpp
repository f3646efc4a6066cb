// AlpacaEval model_outputs.json: a JSON array of {instruction, output, generator, dataset?}.
// Items are joined across models on the instruction text, so the item id is a hash of it.
#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "results/importers/import_batch.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

void parse_alpacaeval_file(const std::string& path, const ImportOptions& options,
                           ImportBatch& batch) {
  const json all = read_json_file(path, json_limits::kImport);
  if (!all.is_array())
    throw InputError(fmt::format("{}: expected a JSON array of {{instruction, output}} objects",
                                 path));
  const std::string model = import_model_name(path, options);
  const std::string run_id = import_run_id(path);
  batch.models.push_back({model, "import", "", path, false});
  batch.runs.push_back({run_id, import_run_args("alpacaeval", path, "alpacaeval", "", {model})});
  for (size_t i = 0; i < all.size(); ++i) {
    const json& o = all[i];
    // A JSON array has no lines; entries are numbered from 1 like lines.
    const std::string where = fmt::format("{}:entry {}", path, i + 1);
    if (!o.is_object()) throw InputError(where + ": each entry must be an object");
    for (const char* field : {"instruction", "output"})
      if (!o.contains(field) || !o[field].is_string())
        throw InputError(fmt::format("{}: missing string field '{}'", where, field));
    const std::string instruction = o["instruction"].get<std::string>();
    StoredItem item;
    item.suite = "alpacaeval";
    item.item_id = "ae-" + sha256_hex(instruction).substr(0, 12);
    item.messages = json::array({{{"role", "user"}, {"content", instruction}}});
    item.data = {{"category", o.contains("dataset") && o["dataset"].is_string()
                                  ? o["dataset"].get<std::string>()
                                  : std::string()}};
    batch.items.push_back(item);
    Record r;
    r.run_id = run_id;
    r.model = model;
    r.suite = item.suite;
    r.item_id = item.item_id;
    r.text = o["output"].get<std::string>();
    r.finish_reason = "imported";
    batch.records.push_back(std::move(r));
  }
}

}  // namespace ds::results
