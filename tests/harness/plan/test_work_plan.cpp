#include <doctest/doctest.h>

#include <set>

#include "harness/plan/work_plan.hpp"

using namespace ds::harness;

namespace {
Suite small_suite(int n) {
  Suite s;
  s.name = "math";
  for (int i = 0; i < n; ++i) {
    SuiteItem item;
    item.id = "m" + std::to_string(i);
    item.suite = "math";
    item.messages = {{"user", "q" + std::to_string(i)}};
    s.items.push_back(item);
  }
  return s;
}
}  // namespace

TEST_CASE("shards partition the work exactly") {
  const std::vector<ModelSpec> models = {parse_model_spec("openai:a"), parse_model_spec("openai:b")};
  const std::vector<Suite> suites = {small_suite(50)};
  const auto all = plan_work(models, suites, 2, {1, 1}, nullptr);
  CHECK(all.size() == 200);
  std::multiset<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    const auto part = plan_work(models, suites, 2, {k, 3}, nullptr);
    CHECK(part.size() > 40);  // roughly a third each: 200/3 with generous slack
    CHECK(part.size() < 95);
    for (const auto& u : part)
      seen.insert(models[u.model_index].model + "/" + u.item->id + "/" + std::to_string(u.sample));
  }
  CHECK(seen.size() == 200);
  for (const auto& key : seen) CHECK(seen.count(key) == 1);
}

TEST_CASE("answered units are skipped") {
  const std::vector<ModelSpec> models = {parse_model_spec("openai:a")};
  const std::vector<Suite> suites = {small_suite(10)};
  const auto rest = plan_work(models, suites, 1, {1, 1},
                              [](const std::string&, const std::string&, const std::string& id,
                                 int) { return id == "m3" || id == "m7"; });
  CHECK(rest.size() == 8);
  for (const auto& u : rest) CHECK((u.item->id != "m3" && u.item->id != "m7"));
}
