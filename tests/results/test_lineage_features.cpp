#include <doctest/doctest.h>

#include <string>

#include "results/lineage_features.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;
using namespace ds::scorers::lineage;

namespace {

bool has_feature_table(Store& store) {
  auto s = store.db().prepare("SELECT 1 FROM sqlite_master WHERE name='lineage_features'");
  return s.step();
}

// Every answer's features, encoded, in corpus order.
std::vector<std::string> encoded(const Corpus& c) {
  std::vector<std::string> out;
  for (const auto& model : c.cells)
    for (const auto& cell : model)
      for (const auto& e : cell) out.push_back(encode_features(e.features) + (e.features.claim ? e.features.claim->quote : ""));
  return out;
}

}  // namespace

TEST_CASE("a read-only store is featurised in memory, unchanged, as a writable one stores it") {
  ds::test::TempDir dir;
  const std::string path = dir.file("r.db");
  {
    Store store(path);
    ds::test::fill_lineage_store(store, 3);
  }
  std::vector<std::string> in_memory;
  {
    Store store(path, /*read_only=*/true);
    in_memory = encoded(load_corpus(store));
    CHECK_FALSE(has_feature_table(store));
  }
  Store store(path);
  const auto stored = encoded(load_corpus(store));  // computes and stores them
  CHECK(has_feature_table(store));
  CHECK(in_memory == stored);
  Store reader(path, /*read_only=*/true);
  CHECK(encoded(load_corpus(reader)) == stored);  // read back from the table
}

TEST_CASE("a replaced answer's stale features are recomputed from its new text") {
  ds::test::TempDir dir;
  const std::string path = dir.file("s.db");
  Store store(path);
  ds::test::fill_lineage_store(store, 2);
  CHECK(ensure_features(store) > 0);
  const Corpus before = load_corpus(store);
  const int teacher = before.model_index("teacher");
  const ResponseEntry& first = before.cells[static_cast<size_t>(teacher)][0].front();
  auto s = store.db().prepare("UPDATE responses SET text = ?, created_at = 'later' WHERE id = ?");
  s.bind(1, std::string("I am Replacement, a language model made by Nobody.")).bind(2, first.response_id);
  s.run();
  Store reader(path, /*read_only=*/true);
  const Corpus after = load_corpus(reader);
  const ResponseEntry& replaced = after.cells[static_cast<size_t>(teacher)][0].front();
  CHECK(encode_features(replaced.features) ==
        encode_features(compute_features("I am Replacement, a language model made by Nobody.")));
  REQUIRE(replaced.features.claim);
  CHECK(replaced.features.claim->name == "replacement");
}
