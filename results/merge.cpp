#include "results/merge.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "core/errors.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

namespace {

void check_is_store(const std::string& path) {
  if (!std::filesystem::exists(path)) throw InputError(fmt::format("{}: no such results store", path));
  Database db(path, true);
  auto s = db.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('responses','items','models','runs')");
  if (!s.step() || s.integer(0) != 4)
    throw InputError(fmt::format("{}: not a distillscope results store (tables missing)", path));
}

}  // namespace

MergeSummary merge_stores(Store& target, const std::vector<std::string>& inputs) {
  for (const auto& path : inputs) {
    try {
      check_is_store(path);
    } catch (const std::runtime_error& e) {
      if (dynamic_cast<const InputError*>(&e)) throw;
      throw InputError(fmt::format("{}: not a distillscope results store ({})", path, e.what()));
    }
  }
  MergeSummary summary;
  for (const auto& path : inputs) {
    Store source(path, true);
    target.db().transaction([&] {
      for (const auto& run : source.runs()) {
        auto s = target.db().prepare(
            "INSERT OR IGNORE INTO runs(run_id, started_at, finished_at, status, args, "
            "suite_hashes, tool_version) VALUES(?,?,?,?,?,?,?)");
        s.bind(1, run["run_id"].get<std::string>())
            .bind(2, run["started_at"].get<std::string>());
        if (run["finished_at"].is_null()) s.bind_null(3); else s.bind(3, run["finished_at"].get<std::string>());
        s.bind(4, run["status"].get<std::string>())
            .bind(5, dump_json(run["args"]))
            .bind(6, dump_json(run["suite_hashes"]))
            .bind(7, run["tool_version"].get<std::string>())
            .run();
        summary.runs += static_cast<size_t>(target.db().changes());
      }
      for (const auto& model : source.models()) target.upsert_model(model);
      for (const auto& item : source.items()) target.upsert_item(item);
      std::map<int64_t, int64_t> id_map;
      for (const auto& record : source.responses({.ok_only = false})) {
        id_map[record.id] = target.put_response(record);
        ++summary.responses;
      }
      for (auto score : source.scores()) {
        const auto it = id_map.find(score.response_id);
        if (it == id_map.end()) continue;
        score.response_id = it->second;
        target.put_score(score);
        ++summary.scores;
      }
    });
  }
  return summary;
}

}  // namespace ds::results
