#include "results/merge.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

namespace {

void check_is_store(const std::string& path) {
  if (!std::filesystem::exists(path)) throw InputError(fmt::format("{}: no such results store", path));
  Store(path, /*read_only=*/true);  // InputError when it is not a store or is damaged
}

}  // namespace

void check_merge_inputs(const std::vector<std::string>& inputs, Store* target) {
  for (const auto& path : inputs) {
    try {
      check_is_store(path);
    } catch (const std::runtime_error& e) {
      if (dynamic_cast<const InputError*>(&e)) throw;
      throw InputError(fmt::format("{}: not a distillscope results store ({})", path, e.what()));
    }
  }
  // One name, one endpoint: answers of two endpoints must not meet under one name.
  std::map<std::string, std::pair<ModelInfo, std::string>> seen;  // name -> (model, where)
  const auto meet = [&](const ModelInfo& m, const std::string& where) {
    const auto [it, added] = seen.emplace(m.name, std::make_pair(m, where));
    const ModelInfo& other = it->second.first;
    if (!added && (other.provider != m.provider || other.base_url != m.base_url))
      throw InputError(fmt::format(
          "model '{}' is {} {} in {} but {} {} in {}; rename one (run it again with --as NAME) or "
          "prune it before merging",
          m.name, other.provider, other.base_url, it->second.second, m.provider, m.base_url, where));
  };
  if (target)
    for (const auto& m : target->models()) meet(m, target->db().path());
  for (const auto& path : inputs) {
    Store source(path, true);
    for (const auto& m : source.models()) meet(m, path);
  }
}

MergeSummary merge_stores(Store& target, const std::vector<std::string>& inputs,
                          const std::function<bool(const StoredItem&)>& scored_over_all_answers) {
  check_merge_inputs(inputs, &target);
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
      std::set<std::pair<std::string, std::string>> corpus_items;
      for (const auto& item : source.items()) {
        target.upsert_item(item);
        if (scored_over_all_answers && scored_over_all_answers(item)) corpus_items.insert({item.suite, item.item_id});
      }
      std::map<int64_t, int64_t> id_map;
      for (const auto& record : source.responses({.ok_only = false})) {
        // A shard scored a choice distribution or diversity over its own part of the
        // answers only: those items are left unscored, for score_store over all of them.
        if (!corpus_items.count({record.suite, record.item_id})) id_map[record.id] = 0;
        const int64_t id = target.put_response(record);
        if (id_map.count(record.id)) id_map[record.id] = id;
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
