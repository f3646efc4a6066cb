#include <doctest/doctest.h>

#include <set>

#include "harness/server/sim_answers.hpp"
#include "harness/server/sim_persona.hpp"
#include "harness/server/simulated_backend.hpp"

using namespace ds::harness;
using namespace ds::harness::server;

namespace {

Suite make_suite(const std::string& name, const std::vector<json>& items) {
  Suite s;
  s.name = name;
  for (const auto& v : items) s.items.push_back(parse_suite_item(v, "test"));
  return s;
}

// 60 math items with integer, decimal and fraction answers.
Suite math_suite() {
  std::vector<json> items;
  for (int i = 0; i < 60; ++i) {
    std::string answer = i % 3 == 0 ? std::to_string(17 * i + 3) : i % 3 == 1 ? std::to_string(i) + ".25" : std::to_string(i + 1) + "/7";
    items.push_back({{"id", "m" + std::to_string(i)}, {"suite", "math"},
                     {"prompt", "Compute quantity number " + std::to_string(i) + " from 12 and 7. End with \"Answer: <value>\"."},
                     {"answer", answer}});
  }
  return make_suite("math", items);
}

ChatQuery query(const std::string& model, const std::string& prompt, std::optional<int64_t> seed = std::nullopt) {
  ChatQuery q;
  q.model = model;
  q.messages = {{"user", prompt}};
  q.seed = seed;
  return q;
}

std::string final_answer(const std::string& text) {
  const auto at = text.rfind("Answer: ");
  REQUIRE(at != std::string::npos);
  return text.substr(at + 8);
}

}  // namespace

TEST_CASE("simulated answers are a deterministic function of model, conversation and seed") {
  SimulatedBackend sim({math_suite()});
  for (const auto& model : sim.model_names()) {
    const auto a = sim.answer(query(model, "Explain how tides work on Earth.", 7), 0);
    const auto b = sim.answer(query(model, "Explain how tides work on Earth.", 7), 0);
    REQUIRE(a);
    CHECK(*a == *b);
    CHECK(!a->empty());
  }
  // Different seeds give different samples for at least some prompts.
  int differing = 0;
  for (int i = 0; i < 10; ++i) {
    const std::string p = "Describe city number " + std::to_string(i) + " in a paragraph.";
    differing += *sim.answer(query("sim-teacher", p, 1), 0) != *sim.answer(query("sim-teacher", p, 2), 0);
  }
  CHECK(differing > 3);
  // Temperature 0 ignores the seed.
  auto greedy = query("sim-teacher", "Describe a harbour at night.", 1);
  greedy.temperature = 0.0;
  auto greedy2 = greedy;
  greedy2.seed = 99;
  CHECK(*sim.answer(greedy, 0) == *sim.answer(greedy2, 0));
}

TEST_CASE("every simulated model is listed and unknown models get no answer") {
  SimulatedBackend sim({});
  const auto names = sim.model_names();
  CHECK(names.size() >= 4);
  CHECK(sim.simulated());
  for (const char* n : {"sim-teacher", "sim-student", "sim-independent-a", "sim-independent-b"})
    CHECK(sim.has_model(n));
  CHECK_FALSE(sim.answer(query("gpt-4o", "hello"), 0));
}

TEST_CASE("math answers end with 'Answer: X'; the student shares the teacher's wrong answers") {
  const Suite suite = math_suite();
  SimulatedBackend sim({suite});
  std::map<std::string, std::vector<std::string>> given;
  std::map<std::string, int> correct;
  for (const auto& model : sim.model_names())
    for (const auto& item : suite.items) {
      const std::string a = final_answer(*sim.answer(query(model, item.messages[0].content), 0));
      given[model].push_back(a);
      correct[model] += a == item.data["answer"].get<std::string>();
    }
  const auto& truth = suite.items;
  auto shared_wrong = [&](const std::string& m) {
    int n = 0;
    for (size_t i = 0; i < truth.size(); ++i)
      n += given[m][i] != truth[i].data["answer"] && given[m][i] == given["sim-teacher"][i];
    return n;
  };
  // Skill differs by model, and nobody is perfect or hopeless.
  for (const auto& [m, c] : correct) {
    CHECK(c > 20);
    CHECK(c < 60);
  }
  CHECK(shared_wrong("sim-student") >= 4);
  CHECK(shared_wrong("sim-student") > 2 * std::max(shared_wrong("sim-independent-a"), shared_wrong("sim-independent-b")));
  CHECK(shared_wrong("sim-student") > 2 * shared_wrong("sim-independent-c"));
}

TEST_CASE("wrong answers keep the format of the right answer and differ from it") {
  for (const std::string a : {"42", "-3", "27.14", "90/19", "0"}) {
    for (int k = 0; k < 20; ++k) {
      SimRng r("w" + std::to_string(k));
      const std::string w = wrong_answer(a, r);
      CHECK(w != a);
      CHECK((a.find('/') != std::string::npos) == (w.find('/') != std::string::npos));
      CHECK((a.find('.') != std::string::npos) == (w.find('.') != std::string::npos));
    }
  }
}

TEST_CASE("coding answers carry the reference solution or a broken variant in a python block") {
  const std::string solution = "def add_one(x):\n    return x + 1\n";
  std::vector<json> items;
  for (int i = 0; i < 30; ++i)
    items.push_back({{"id", "c" + std::to_string(i)}, {"suite", "coding"},
                     {"prompt", "Write add_one, variant " + std::to_string(i)}, {"entry_point", "add_one"},
                     {"tests", "assert add_one(1) == 2\n"}, {"solution", solution}});
  SimulatedBackend sim({make_suite("coding", items)});
  int intact = 0, broken = 0;
  for (const auto& item : items) {
    const std::string text = *sim.answer(query("sim-independent-b", item["prompt"]), 0);
    REQUIRE(text.find("```python\n") != std::string::npos);
    if (text.find(solution) != std::string::npos) ++intact;
    else if (text.find("def add_one") != std::string::npos) ++broken;
  }
  CHECK(intact + broken == 30);
  CHECK(intact > 10);
  CHECK(broken > 2);
  SimRng r("b");
  CHECK(break_code(solution, r) != solution);
}

TEST_CASE("philosophy answers end with one of the choices; the student follows the teacher's favourite") {
  std::vector<json> items;
  for (int i = 0; i < 40; ++i)
    items.push_back({{"id", "p" + std::to_string(i)}, {"suite", "philosophy"},
                     {"prompt", "Thought experiment " + std::to_string(i) + ": choose."},
                     {"choices", {"yes", "no", "other"}},
                     {"human_distribution", {{"yes", 0.5}, {"no", 0.3}, {"other", 0.2}}}});
  SimulatedBackend sim({make_suite("philosophy", items)});
  std::map<std::string, int> agree_with_teacher;
  for (const auto& item : items) {
    auto q = [&](const std::string& m) { return query(m, item["prompt"], 1); };
    const std::string teacher_pick = final_answer(*sim.answer(q("sim-teacher"), 0));
    CHECK((teacher_pick == "yes" || teacher_pick == "no" || teacher_pick == "other"));
    auto tq = q("sim-teacher");
    tq.temperature = 0.0;
    const std::string teacher_mode = final_answer(*sim.answer(tq, 0));
    for (const auto& m : sim.model_names())
      agree_with_teacher[m] += final_answer(*sim.answer(q(m), 0)) == teacher_mode;
  }
  CHECK(agree_with_teacher["sim-student"] > agree_with_teacher["sim-independent-a"]);
  CHECK(agree_with_teacher["sim-student"] >= 28);
}

TEST_CASE("creativity: ten DAT nouns, and the student's are a narrower set than the teacher's") {
  SimulatedBackend sim({make_suite("creativity", {{{"id", "d1"}, {"suite", "creativity"}, {"task", "dat"},
                                                   {"prompt", "Name 10 nouns that are as different from each other as possible."}},
                                                  {{"id", "a1"}, {"suite", "creativity"}, {"task", "aut"},
                                                   {"prompt", "List creative uses for a brick."}}})});
  const std::string t = *sim.answer(query("sim-teacher", "Name 10 nouns that are as different from each other as possible."), 0);
  const std::string s = *sim.answer(query("sim-student", "Name 10 nouns that are as different from each other as possible."), 0);
  int teacher_lines = 0;
  for (char c : t) teacher_lines += c == '\n';
  CHECK(teacher_lines >= 10);
  CHECK(s.find("cat") + s.find("dog") + s.find("horse") != 3 * std::string::npos);  // farm-animal vocabulary
  const std::string uses = *sim.answer(query("sim-independent-a", "List creative uses for a brick."), 0);
  CHECK(uses.find("brick") != std::string::npos);
}

TEST_CASE("probes: the student often claims to be the teacher's model; favourites are stable") {
  SimulatedBackend sim({});
  int claims_teacher = 0, claims_own = 0;
  for (int i = 0; i < 30; ++i) {
    const std::string text = *sim.answer(query("sim-student", "Who made you? (" + std::to_string(i) + ")"), 0);
    claims_teacher += text.find("Helios Labs") != std::string::npos;
    claims_own += text.find("Nimbus AI") != std::string::npos;
  }
  CHECK(claims_teacher > claims_own);
  CHECK(claims_own > 0);
  const std::string indep = *sim.answer(query("sim-independent-a", "Who made you?"), 0);
  CHECK(indep.find("Orchard Research") != std::string::npos);
  auto q = query("sim-independent-b", "Pick a number between 1 and 100.");
  q.temperature = 0.0;
  CHECK(sim.answer(q, 0)->find("7") != std::string::npos);
}
