#include <doctest/doctest.h>

#include "harness/plan/turn_order.hpp"

using namespace ds::harness;

namespace {

// Question q1 with turns t1, t2, t3 (each naming the turns before it).
Suite three_turns() {
  Suite s;
  s.name = "mtbench";
  for (int k = 1; k <= 3; ++k) {
    SuiteItem item;
    item.id = "q1.t" + std::to_string(k);
    item.suite = "mtbench";
    for (int j = 1; j <= k; ++j) {
      item.messages.push_back({"user", "u" + std::to_string(j)});
      if (j < k) item.earlier_turns.push_back("q1.t" + std::to_string(j));
    }
    s.items.push_back(item);
  }
  return s;
}

const StoredAnswerFn kNothingStored = [](size_t, const std::string&, const std::string&, int) {
  return std::optional<std::string>();
};

}  // namespace

TEST_CASE("a later turn waits for the same model's and sample's earlier answers and carries them") {
  const std::vector<Suite> suites = {three_turns()};  // the units point into it
  const std::vector<ModelSpec> models = {parse_model_spec("openai:a"), parse_model_spec("openai:b")};
  const auto units = plan_work(models, suites, 2, {1, 1}, nullptr);
  REQUIRE(units.size() == 12);
  TurnOrder turns(units, kNothingStored);
  CHECK(turns.ready_at_start().size() == 4);  // turn 1 of each model and sample
  CHECK(turns.blocked_at_start().empty());
  const auto find = [&](size_t model, const std::string& id, int sample) {
    for (size_t i = 0; i < units.size(); ++i)
      if (units[i].model_index == model && units[i].item->id == id && units[i].sample == sample) return i;
    FAIL("no such unit");
    return size_t{0};
  };
  auto released = turns.finished(find(0, "q1.t1", 1), std::string("a1 sample 1"));
  REQUIRE(released.ready == std::vector<size_t>{find(0, "q1.t2", 1)});
  CHECK(turns.earlier_answers(find(0, "q1.t2", 1))[0] == "a1 sample 1");
  released = turns.finished(find(0, "q1.t2", 1), std::string("a2 sample 1"));
  REQUIRE(released.ready == std::vector<size_t>{find(0, "q1.t3", 1)});
  CHECK(turns.earlier_answers(find(0, "q1.t3", 1)) == std::vector<std::string>{"a1 sample 1", "a2 sample 1"});
  CHECK(conversation_with_answers(*units[find(0, "q1.t3", 1)].item, turns.earlier_answers(find(0, "q1.t3", 1))).size() == 5);
  // Model b's turn 1 failing blocks its turns 2 and 3, and nothing else.
  released = turns.finished(find(1, "q1.t1", 0), std::nullopt);
  CHECK(released.ready.empty());
  CHECK(released.blocked == std::vector<size_t>{find(1, "q1.t2", 0), find(1, "q1.t3", 0)});
  CHECK(turns.blocked_reason(find(1, "q1.t3", 0)).find("q1.t2") != std::string::npos);
}

TEST_CASE("a resumed turn takes the stored earlier answer; a missing one blocks it and the turns after") {
  const std::vector<Suite> suites = {three_turns()};
  const std::vector<ModelSpec> models = {parse_model_spec("openai:a")};
  // Turn 1 is answered in the store: only turns 2 and 3 are planned.
  const auto units = plan_work(models, suites, 1, {1, 1},
                               [](const std::string&, const std::string&, const std::string& id, int) { return id == "q1.t1"; });
  REQUIRE(units.size() == 2);
  TurnOrder resumed(units, [](size_t, const std::string&, const std::string& id, int) {
    return id == "q1.t1" ? std::optional<std::string>("stored a1") : std::nullopt;
  });
  REQUIRE(resumed.ready_at_start() == std::vector<size_t>{0});
  CHECK(resumed.earlier_answers(0)[0] == "stored a1");
  TurnOrder missing(units, kNothingStored);
  CHECK(missing.ready_at_start().empty());
  CHECK(missing.blocked_at_start().size() == 2);
  CHECK(missing.blocked_reason(0).find("neither in this run nor stored") != std::string::npos);
}

TEST_CASE("a conversation's turns land in one shard") {
  const std::vector<Suite> suites = {three_turns()};
  const std::vector<ModelSpec> models = {parse_model_spec("openai:a")};
  size_t total = 0;
  for (int k = 1; k <= 3; ++k) {
    const auto units = plan_work(models, suites, 4, {k, 3}, nullptr);
    CHECK(units.size() % 3 == 0);
    total += units.size();
  }
  CHECK(total == 12);
}
