#include <doctest/doctest.h>

#include "results/imported_suite.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;

namespace {

StoredItem user_turns(const std::string& suite, const std::string& id, const std::vector<std::string>& turns) {
  StoredItem item;
  item.suite = suite;
  item.item_id = id;
  for (const auto& t : turns) item.messages.push_back({{"role", "user"}, {"content", t}});
  item.data = {{"category", "writing"}};
  return item;
}

}  // namespace

TEST_CASE("stored prompts are a suite: natural order, each turn naming the turns before it") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  store.upsert_item(user_turns("mtbench", "100.t2", {"Plan a trip.", "Shorter."}));
  store.upsert_item(user_turns("mtbench", "100.t1", {"Plan a trip."}));
  store.upsert_item(user_turns("mtbench", "81.t1", {"Write a poem."}));
  store.upsert_item(user_turns("mtbench", "81.t2", {"Write a poem.", "Make it rhyme."}));
  store.upsert_item(user_turns("mtbench", "9.t3", {"A", "B", "C"}));  // turn 2 missing: sent as stored
  store.upsert_item(user_turns("mtbench", "9.t1", {"A"}));
  const auto suite = stored_suite(store, "mtbench");
  REQUIRE(suite);
  CHECK(suite->stored);
  CHECK(suite->version == "imported");
  std::vector<std::string> ids;
  for (const auto& item : suite->items) ids.push_back(item.id);
  CHECK(ids == std::vector<std::string>{"9.t1", "9.t3", "81.t1", "81.t2", "100.t1", "100.t2"});
  CHECK(suite->items[1].earlier_turns.empty());
  CHECK(suite->items[3].earlier_turns == std::vector<std::string>{"81.t1"});
  CHECK(suite->items[5].earlier_turns == std::vector<std::string>{"100.t1"});
  CHECK(suite->items[3].data["category"] == "writing");
  CHECK_FALSE(stored_suite(store, "arenahard"));
}

TEST_CASE("stored suite names leave out the built-in suites") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  store.upsert_item(user_turns("alpacaeval", "ae-1", {"Say hi."}));
  store.upsert_item(user_turns("math", "m1", {"1+1?"}));
  CHECK(stored_suite_names(store) == std::vector<std::string>{"alpacaeval"});
}
