#pragma once
// `serve --simulate`: deterministic simulated models (see sim_persona.hpp). Knows the suites'
// items by their prompt text, so it answers them in character: math with a final
// "Answer: X" (right or a model-specific wrong value), coding with the item's reference
// solution (or a broken variant), philosophy with a choice, creativity with nouns and uses,
// probes with identity claims and favourites; anything else with a generic answer.
#include <map>
#include <string>
#include <vector>

#include "harness/server/chat.hpp"
#include "tasks/suite.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

class SimulatedBackend : public Backend {
 public:
  explicit SimulatedBackend(const std::vector<Suite>& suites);

  // The built-in suites that exist (none yet is fine: every prompt then gets a generic answer).
  static std::vector<Suite> builtin_suites();

  std::vector<std::string> model_names() const override;
  bool has_model(const std::string& name) const override;
  bool simulated() const override { return true; }
  std::optional<std::string> answer(const ChatQuery& query, int choice_index) const override;
  std::string describe() const override;

  size_t indexed_items() const { return items_.size(); }

 private:
  std::map<std::string, SuiteItem> items_;  // by normalised prompt text
};

}  // namespace ds::harness::server
