#include "harness/plan/work_plan.hpp"

#include "core/sha256.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

bool in_shard(const std::string& model, const std::string& suite, const std::string& item_id,
              int sample, const Shard& shard) {
  if (shard.count <= 1) return true;
  // A cryptographic hash keeps shards balanced whatever the ids look like.
  const std::string digest =
      sha256_hex(model + '\0' + suite + '\0' + item_id + '\0' + std::to_string(sample));
  const uint64_t bucket = std::stoull(digest.substr(0, 15), nullptr, 16);
  return static_cast<int>(bucket % static_cast<uint64_t>(shard.count)) == shard.index - 1;
}

std::vector<WorkUnit> plan_work(
    const std::vector<ModelSpec>& models, const std::vector<Suite>& suites, int samples,
    const Shard& shard,
    const std::function<bool(const std::string&, const std::string&, const std::string&, int)>&
        already_answered) {
  std::vector<WorkUnit> units;
  for (size_t m = 0; m < models.size(); ++m) {
    for (const auto& suite : suites) {
      for (const auto& item : suite.items) {
        for (int s = 0; s < samples; ++s) {
          // A conversation's turns share a shard: a later turn needs the earlier answers.
          const std::string& conversation = item.earlier_turns.empty() ? item.id : item.earlier_turns.front();
          if (!in_shard(models[m].name, item.suite, conversation, s, shard)) continue;
          if (already_answered && already_answered(models[m].name, item.suite, item.id, s))
            continue;
          units.push_back({m, &item, s});
        }
      }
    }
  }
  return units;
}

}  // namespace ds::harness
