#include "results/stored_item.hpp"

namespace ds::results {

StoredItem stored_item(const Suite& suite, const SuiteItem& item) {
  StoredItem stored;
  stored.suite = item.suite;
  stored.item_id = item.id;
  stored.suite_version = suite.version;
  stored.system = item.system;
  for (const auto& m : item.messages)
    stored.messages.push_back({{"role", m.role}, {"content", m.content}});
  stored.data = item.data;
  return stored;
}

}  // namespace ds::results
