// Answers from different tools' logs to the same prompt land on the same item; one model's
// answers from two files are two samples, whatever the order of import.
#include <doctest/doctest.h>

#include "results/importers/import_batch.hpp"
#include "results/importers/prompt_items.hpp"
#include "tests/support/process.hpp"
#include "tests/support/store_snapshot.hpp"

using namespace ds::results;
namespace test = ds::test;

namespace {

const std::string kLmEval = "import/lm-eval/alpha-chat/samples_arith_2025-01-15T10-20-30.123456.jsonl";

std::map<std::string, std::vector<std::string>> answers_by_model(Store& store, const std::string& prompt) {
  const auto id = item_for_prompt(prompt_from_text(prompt), json::object()).item.item_id;
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& r : store.responses({}))
    if (r.item_id == id) out[r.model].push_back(r.text);
  return out;
}

void import_all(Store& store, bool promptfoo_first) {
  const auto promptfoo = [&] {
    import_files(store, {test::fixture_path("import/promptfoo/results.json")}, {.format = "promptfoo"});
  };
  if (promptfoo_first) promptfoo();
  import_files(store, {test::fixture_path(kLmEval)}, {.format = "lm-eval"});
  import_files(store, {test::fixture_path("import/inspect/arith-beta-chat.json")}, {.format = "inspect"});
  import_files(store, {test::fixture_path("import/helm/arith-delta-chat")}, {.format = "helm"});
  if (!promptfoo_first) promptfoo();
}

}  // namespace

TEST_CASE("four tools' runs of one benchmark compare on the same items") {
  test::TempDir dir;
  Store store(dir.file("r.db"));
  import_all(store, false);
  const auto by_model = answers_by_model(store, "What is 2 + 2? Answer with a number.");
  REQUIRE(by_model.size() == 4);  // alpha (lm-eval, promptfoo), beta, gamma, delta
  CHECK(by_model.at("beta-chat").size() == 2);
  // alpha-chat answered in lm-eval and in promptfoo: two samples, none overwritten.
  REQUIRE(by_model.at("alpha-chat").size() == 2);
  const std::set<std::string> alpha(by_model.at("alpha-chat").begin(), by_model.at("alpha-chat").end());
  CHECK(alpha == std::set<std::string>{"The answer is 4.", "4"});
  CHECK(store.runs().size() == 4);
}

TEST_CASE("the order of imports changes no answer, and re-importing any file changes nothing") {
  test::TempDir dir;
  const std::string a = dir.file("a.db"), b = dir.file("b.db");
  { Store store(a); import_all(store, false); }
  { Store store(b); import_all(store, true); }
  std::map<std::string, std::set<std::string>> in_a, in_b;
  {
    Store sa(a), sb(b);
    for (const auto& r : sa.responses({})) in_a[r.model + "/" + r.item_id].insert(r.text);
    for (const auto& r : sb.responses({})) in_b[r.model + "/" + r.item_id].insert(r.text);
  }
  CHECK(in_a == in_b);
  const std::string before = test::store_snapshot(a);
  {
    Store store(a);
    import_files(store, {test::fixture_path(kLmEval)}, {.format = "lm-eval"});
    import_files(store, {test::fixture_path("import/promptfoo/results.json")}, {.format = "promptfoo"});
  }
  CHECK(test::store_snapshot(a) == before);
}
