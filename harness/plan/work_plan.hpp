#pragma once
// The work of a run: one unit per (model, suite item, sample), minus what another shard
// owns and what the store already answered.
#include <functional>
#include <string>
#include <vector>

#include "harness/config/run_config.hpp"
#include "core/model_spec.hpp"
#include "tasks/suite.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct WorkUnit {
  size_t model_index = 0;  // into the run's model specs
  const SuiteItem* item = nullptr;
  int sample = 0;
};

// Deterministic: the same unit lands in the same shard on every machine and every restart.
bool in_shard(const std::string& model, const std::string& suite, const std::string& item_id,
              int sample, const Shard& shard);

// `already_answered(model, suite, item_id, sample)` lets a restarted run skip stored answers.
std::vector<WorkUnit> plan_work(
    const std::vector<ModelSpec>& models, const std::vector<Suite>& suites, int samples,
    const Shard& shard,
    const std::function<bool(const std::string&, const std::string&, const std::string&, int)>&
        already_answered);

}  // namespace ds::harness
