#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <stdexcept>

#include "results/store.hpp"
#include "harness/pipeline/score_stage.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

void add_item(Store& store, const std::string& suite, const std::string& id, json data) {
  data["id"] = id;
  data["suite"] = suite;
  store.upsert_item({suite, id, "1", "", json::array({{{"role", "user"}, {"content", "Q " + id}}}),
                     data});
}

int64_t add_answer(Store& store, const std::string& model, const std::string& suite,
                   const std::string& id, int sample, const std::string& text) {
  return store.put_response(
      {.model = model, .suite = suite, .item_id = id, .sample = sample, .text = text});
}

std::map<int64_t, StoredScore> scores_by_response(Store& store) {
  std::map<int64_t, StoredScore> out;
  for (auto& s : store.scores()) out[s.response_id] = s;
  return out;
}

}  // namespace

TEST_CASE("score_store scores each suite and only what lacks a score") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "math", "m1", {{"answer", "3/4"}});
  add_item(store, "philosophy", "p1",
           {{"kind", "forced"},
            {"choices", {"switch", "don't switch"}},
            {"human_distribution", {{"switch", 0.63}, {"don't switch", 0.13}}}});
  add_item(store, "philosophy", "p2", {{"kind", "free"}, {"rubric", "Reason well."}});
  add_item(store, "creativity", "c1",
           {{"task", "constrained"}, {"constraints", {{"lines", 2}, {"forbidden_letter", "z"}}}});
  add_item(store, "probes", "q1", {{"probe", "identity"}});

  const auto right = add_answer(store, "a", "math", "m1", 0, "\\boxed{0.75}");
  const auto wrong = add_answer(store, "b", "math", "m1", 0, "Answer: 2/3");
  const auto a0 = add_answer(store, "a", "philosophy", "p1", 0, "Choice: switch");
  const auto a1 = add_answer(store, "a", "philosophy", "p1", 1, "Choice: don't switch");
  const auto b0 = add_answer(store, "b", "philosophy", "p1", 0, "Hmm.");
  const auto free = add_answer(store, "a", "philosophy", "p2", 0, "Lying is wrong because...");
  const auto poem = add_answer(store, "a", "creativity", "c1", 0, "one line\ntwo lines\nthree");
  const auto probe = add_answer(store, "a", "probes", "q1", 0, "I was made by OpenAI.");

  auto report = score_store(store);
  CHECK(report.scored == 5);  // math ×2, philosophy a ×2, creativity
  CHECK(report.unscored == 3);  // b's unparsed choice, the free answer without judge, the probe
  auto s = scores_by_response(store);
  CHECK(s[right].value == 1.0);
  CHECK(s[wrong].value == 0.0);
  CHECK(s[wrong].extracted == "2/3");
  // model a: half switch, half don't vs human 63:13 renormalised
  REQUIRE(s[a0].value);
  CHECK(*s[a0].value == *s[a1].value);
  CHECK(s[a0].details["model_distribution"]["switch"] == 0.5);
  CHECK(s[a0].details["modal_choice"] == "switch");
  CHECK_FALSE(s[b0].value);
  CHECK_FALSE(s[free].value);
  CHECK(s[free].details["unscored"] == "needs a judge model (--judge SPEC)");
  CHECK(s[poem].value == 0.5);
  CHECK(s[probe].extracted == "openai");

  // Nothing new: nothing rescored. A judge now available scores the free answer only.
  report = score_store(store);
  CHECK(report.scored + report.unscored == 0);
  ScoreOptions with_judge;
  int judge_batches = 0;
  with_judge.context.judge = [&](const std::vector<Request>& requests, const JudgeVerdictFn& on_verdict) {
    ++judge_batches;
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].messages.at(0).content.find("Lying is wrong") != std::string::npos);
    on_verdict(0, {0.6, "Solid.\nScore: 6/10", "", 1});
  };
  report = score_store(store, with_judge);
  CHECK(judge_batches == 1);
  CHECK(report.scored == 1);
  CHECK(scores_by_response(store)[free].value == doctest::Approx(0.6));

  // A judge reply without a score stays unscored, never a made-up number.
  ScoreOptions silly_judge;
  silly_judge.rescore = true;
  silly_judge.model = "a";
  silly_judge.context.judge = [](const std::vector<Request>& requests, const JudgeVerdictFn& on_verdict) {
    for (size_t i = 0; i < requests.size(); ++i)
      on_verdict(i, {std::nullopt, "What a lovely answer!", "the judge's reply contains no score", 2});
  };
  score_store(store, silly_judge);
  s = scores_by_response(store);
  CHECK_FALSE(s[free].value);
  CHECK(s[free].details["unscored"] == "the judge's reply contains no score");
  CHECK(s[free].details["judge_asked_again"] == true);
  CHECK(s[wrong].value == 0.0);  // model b untouched
}

TEST_CASE("a model's AUT score stays the same when other models' answers arrive") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "creativity", "aut1", {{"task", "aut"}, {"object", "brick"}, {"object_noun", "brick"}, {"common_uses", {"doorstop", "wall"}}});
  const std::string uses = "- doorstop\n- grind into pigment\n- paperweight\n";
  std::vector<int64_t> mine;
  for (int i = 0; i < 3; ++i) mine.push_back(add_answer(store, "me", "creativity", "aut1", i, uses));
  score_store(store);
  auto s = scores_by_response(store);
  REQUIRE(s[mine[0]].value);
  const double alone = *s[mine[0]].value;
  CHECK(s[mine[0]].details["diversity"]["samples"] == 3);
  // Twenty-four answers of other models, some repeating these uses, some not: the item is
  // scored again as a whole (diversity is per model), and "me" keeps its score.
  for (int i = 0; i < 24; ++i)
    add_answer(store, "m" + std::to_string(i % 4), "creativity", "aut1", i / 4,
               i % 2 ? uses : "- doorstop\n- wall\n- path\n");
  const auto report = score_store(store);
  CHECK(report.scored + report.unscored == 27);
  s = scores_by_response(store);
  CHECK(*s[mine[0]].value == doctest::Approx(alone).epsilon(1e-12));
  CHECK(s[mine[0]].details["diversity"]["samples"] == 3);
  CHECK_FALSE(s[mine[0]].details.contains("corpus_answers"));
}

TEST_CASE("an AUT answer with too few uses scores 0 with the reason, in a store of one") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "creativity", "aut1", {{"task", "aut"}, {"object", "brick"}, {"object_noun", "brick"}, {"common_uses", {"doorstop", "wall"}}});
  const auto id = add_answer(store, "m", "creativity", "aut1", 0, "- doorstop");
  score_store(store);
  auto s = scores_by_response(store);
  CHECK(s[id].value == 0.0);
  CHECK(s[id].details["fluency"] == 1);
  CHECK(s[id].details["zero"].get<std::string>().find("at least 3") != std::string::npos);
}

TEST_CASE("a judge that cannot be asked leaves only the judged answers unscored, with the reason") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "philosophy", "p2", {{"kind", "free"}, {"rubric", "Reason well."}});
  add_item(store, "math", "m1", {{"answer", "4"}});
  const auto free = add_answer(store, "a", "philosophy", "p2", 0, "Lying is wrong because...");
  const auto math = add_answer(store, "a", "math", "m1", 0, "Answer: 4");
  ScoreOptions options;
  options.context.judge = [](const std::vector<Request>&, const JudgeVerdictFn&) {
    throw std::runtime_error("judge exploded");
  };
  const auto report = score_store(store, options);
  CHECK(report.scored == 1);
  CHECK(report.unscored == 1);
  auto s = scores_by_response(store);
  CHECK(s[free].details["unscored"] == "the judge could not be asked: judge exploded");
  CHECK(s[free].details["needs_judge"] == true);  // the next run with a judge asks again
  CHECK(s[math].value == 1.0);
}

TEST_CASE("scores are committed in batches: a killed scoring phase keeps its work") {
  ds::test::TempDir dir;
  const std::string db = dir.file("r.db");
  constexpr int kAnswers = 600;
  {
    Store store(db);
    for (int i = 0; i < kAnswers; ++i) {
      add_item(store, "philosophy", "p" + std::to_string(i), {{"kind", "free"}, {"rubric", "Reason well."}});
      add_answer(store, "a", "philosophy", "p" + std::to_string(i), 0, "Because.");
    }
  }
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // scores until the 400th judge call, then dies like a killed process
    Store store(db);
    ScoreOptions options;
    int calls = 0;
    options.context.judge = [&](const std::vector<Request>& requests, const JudgeVerdictFn& on_verdict) {
      for (size_t i = 0; i < requests.size(); ++i) {
        if (++calls == 400) _exit(0);
        on_verdict(i, {0.7, "Score: 7/10", "", 1});
      }
    };
    score_store(store, options);
    _exit(1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  Store store(db);
  const size_t kept = store.scores().size();
  CHECK(kept >= 256);  // the first batch at least
  CHECK(kept < kAnswers);
  ScoreOptions options;
  int calls = 0;
  options.context.judge = [&](const std::vector<Request>& requests, const JudgeVerdictFn& on_verdict) {
    for (size_t i = 0; i < requests.size(); ++i) {
      ++calls;
      on_verdict(i, {0.7, "Score: 7/10", "", 1});
    }
  };
  const auto report = score_store(store, options);  // the next run scores only the rest
  CHECK(calls == static_cast<int>(kAnswers - kept));
  CHECK(report.scored == static_cast<int>(kAnswers - kept));
  CHECK(store.scores().size() == kAnswers);
}

TEST_CASE("answers to one item that run the same program are executed once and share its score") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  add_item(store, "coding", "add", {{"entry_point", "add"}, {"tests", "assert add(1, 2) == 3\n"}});
  const std::string program = "```python\ndef add(a, b):\n    return a + b\n```";
  const auto a = add_answer(store, "a", "coding", "add", 0, "Here you go:\n" + program);
  const auto b = add_answer(store, "b", "coding", "add", 0, program + "\nHope this helps.");
  const auto c = add_answer(store, "c", "coding", "add", 0, "```python\ndef add(a, b):\n    return a - b\n```");

  const auto report = score_store(store);
  CHECK(report.scored == 3);
  auto s = scores_by_response(store);
  CHECK(s[a].value == 1.0);
  CHECK(s[b].value == 1.0);
  CHECK(s[c].value == 0.0);
  // One execution: the same measured wall time, and the sharing is stated on both.
  CHECK(s[a].details["execution_shared_by"] == 2);
  CHECK(s[b].details["execution_shared_by"] == 2);
  CHECK(s[a].details["wall_ms"] == s[b].details["wall_ms"]);
  CHECK_FALSE(s[c].details.contains("execution_shared_by"));
}
