#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "results/store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;

TEST_CASE("store keeps an answer over a later error and replaces an error with an answer") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  Record r;
  r.model = "m";
  r.suite = "math";
  r.item_id = "q1";
  r.error = "HTTP 500";
  const auto id = store.put_response(r);
  CHECK_FALSE(store.has_answer("m", "math", "q1", 0));
  r.error.clear();
  r.text = "42";
  CHECK(store.put_response(r) == id);
  CHECK(store.has_answer("m", "math", "q1", 0));
  r.error = "timeout";
  r.text.clear();
  store.put_response(r);
  const auto rows = store.responses({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].text == "42");
  CHECK(rows[0].error.empty());
}

TEST_CASE("store replaces an answer with a newer answer and drops its scores") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  Record r{.model = "m", .suite = "math", .item_id = "q1", .text = "1"};
  const auto id = store.put_response(r);
  store.put_score({id, "math", 1.0, "1", json::object()});
  CHECK(store.responses({})[0].score == 1.0);
  r.text = "2";
  store.put_response(r);
  CHECK(store.scores().empty());
  CHECK(store.responses({})[0].text == "2");
}

TEST_CASE("record round-trips through JSON and reports bad fields with file:line") {
  Record r{.run_id = "run-1", .model = "m", .suite = "s", .item_id = "i", .sample = 2,
           .text = "hello", .latency_ms = 12.5};
  const Record back = record_from_json(record_to_json(r), "x.jsonl:1");
  CHECK(back.model == "m");
  CHECK(back.sample == 2);
  CHECK(back.text == "hello");
  CHECK_THROWS_WITH_AS(record_from_json(json{{"model", "m"}, {"suite", "s"}}, "f.jsonl:7"),
                       doctest::Contains("f.jsonl:7: missing field 'item_id'"), InputError);
  CHECK_THROWS_WITH_AS(
      record_from_json(json{{"model", "m"}, {"suite", "s"}, {"item_id", 3}}, "f.jsonl:8"),
      doctest::Contains("'item_id' must be a string"), InputError);
}

TEST_CASE("a read-only store must exist, is not created, and reads what is there") {
  ds::test::TempDir dir;
  CHECK_THROWS_WITH_AS(Store(dir.file("missing.db"), true), doctest::Contains("no results store here"), InputError);
  CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
  {
    Store rw(dir.file("r.db"));
    rw.put_response({.model = "m", .suite = "s", .item_id = "1", .text = "x", .ttft_ms = 12.5});
  }
  Store ro(dir.file("r.db"), true);
  CHECK(ro.read_only());
  const auto rows = ro.responses({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].ttft_ms == 12.5);
}

TEST_CASE("prune removes a model, its answers and their scores, and nothing else") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  store.upsert_model({"a", "openai", "http://x/v1", "openai:a@http://x/v1", false});
  store.upsert_model({"b", "openai", "http://x/v1", "openai:b@http://x/v1", false});
  const auto id = store.put_response({.model = "a", .suite = "s", .item_id = "1", .text = "x"});
  store.put_score({id, "s", 1.0, "x", json::object()});
  store.put_response({.model = "a", .suite = "s", .item_id = "2", .error = "HTTP 500"});
  store.put_response({.model = "b", .suite = "s", .item_id = "1", .text = "y"});
  CHECK(store.prune_model("a") == 2);
  CHECK_FALSE(store.model("a"));
  CHECK(store.model("b"));
  CHECK(store.responses({.ok_only = false}).size() == 1);
  CHECK(store.scores().empty());
  CHECK_THROWS_WITH_AS(store.prune_model("a"), doctest::Contains("no model 'a'"), InputError);
}

TEST_CASE("items_to_score names the items with an answer lacking its suite score, and reads one item") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto put = [&](const std::string& model, const std::string& item, int sample) {
    return store.put_response({.model = model, .suite = "math", .item_id = item, .sample = sample, .text = "42"});
  };
  const auto a1 = put("a", "q1", 0);
  put("b", "q1", 0);
  const auto a2 = put("a", "q2", 0);
  const auto b2 = put("b", "q2", 0);
  const auto a3 = put("a", "q3", 0);
  store.put_response({.model = "a", .suite = "math", .item_id = "q4", .error = "HTTP 500"});
  store.put_score({a1, "math", 1.0, "42", json::object()});
  store.put_score({a2, "math", 1.0, "42", json::object()});
  store.put_score({b2, "math", 0.0, "41", json::object()});
  store.put_score({a3, "math", std::nullopt, "", {{"unscored", "needs a judge"}, {"needs_judge", true}}});
  store.put_score({a2, "other tool", std::nullopt, "", json::object()});  // not the suite's scorer

  using Keys = std::vector<std::pair<std::string, std::string>>;
  CHECK(store.items_to_score(std::nullopt, false) == Keys{{"math", "q1"}});  // b's q1; errors never
  CHECK(store.items_to_score(std::string("a"), false).empty());
  CHECK(store.items_to_score(std::nullopt, true) == Keys{{"math", "q1"}, {"math", "q3"}});
  CHECK(store.item_count() == 0);  // answers only; no suite items stored

  const auto q2 = store.item_responses("math", "q2");
  REQUIRE(q2.size() == 2);
  CHECK(q2[0].model == "a");
  CHECK(q2[1].model == "b");
  CHECK(q2[1].score == 0.0);
  const auto scores = store.item_scores("math", "q2");
  CHECK(scores.size() == 2);  // the other tool's score is not the suite's
  CHECK(store.item_responses("math", "q4").empty());
}

TEST_CASE("unscored answers are counted by the reason their scorer gave, damaged details included") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  const auto put = [&](const std::string& item) {
    return store.put_response({.model = "m", .suite = "math", .item_id = item, .text = "x"});
  };
  store.put_score({put("q1"), "math", std::nullopt, "", {{"unscored", "no answer found"}}});
  store.put_score({put("q2"), "math", std::nullopt, "", {{"unscored", "no answer found"}}});
  store.put_score({put("q3"), "math", std::nullopt, "", json::object()});
  const auto damaged = put("q4");
  store.put_score({damaged, "math", std::nullopt, "", json::object()});
  store.db().exec("UPDATE scores SET details = '{not json' WHERE response_id = " + std::to_string(damaged));
  put("q5");                                                      // not scored yet
  store.put_score({put("q6"), "math", 1.0, "1", json::object()});  // scored
  std::map<std::string, size_t> by_reason;
  for (const auto& c : store.unscored_counts()) by_reason[c.reason.value_or("(none)")] += c.count;
  CHECK(by_reason == std::map<std::string, size_t>{
                         {"no answer found", 2}, {"no reason recorded", 2}, {"(none)", 1}});
  const auto answers = store.answer_scores();
  REQUIRE(answers.size() == 6);
  CHECK(answers[5].score == 1.0);
  CHECK_FALSE(answers[0].score);
}

TEST_CASE("an answer's log-probabilities are stored, read back and written in its record") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  Record r{.model = "m", .suite = "s", .item_id = "i", .text = "hi"};
  r.logprobs = json{{"tokens", {"hi"}}, {"logprobs", {-0.5}}};
  store.put_response(r);
  Record plain{.model = "m", .suite = "s", .item_id = "j", .text = "yo"};
  store.put_response(plain);
  const auto rows = store.responses({});
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].logprobs);
  CHECK((*rows[0].logprobs)["tokens"][0] == "hi");
  CHECK_FALSE(rows[1].logprobs);
  CHECK(record_to_json(rows[0])["logprobs"]["logprobs"][0] == -0.5);
  CHECK_FALSE(record_to_json(rows[1]).contains("logprobs"));
  CHECK(record_from_json(record_to_json(rows[0]), "x:1").logprobs == rows[0].logprobs);
  CHECK(store.answer_text("m", "s", "j", 0) == "yo");
  CHECK_FALSE(store.answer_text("m", "s", "j", 1));
}

TEST_CASE("text from outside is stored as valid UTF-8: an error cut inside a character, a bad answer") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  Record r;
  r.model = "m";
  r.suite = "math";
  r.item_id = "q1";
  r.error = "malformed stream event: caf\xc3";  // a stream cut inside "é"
  store.put_response(r);
  Record answer = r;
  answer.sample = 1;
  answer.error.clear();
  answer.text = "ok \xff then";
  answer.finish_reason = "\xe2\x82";
  store.put_response(answer);
  const auto rows = store.responses({.ok_only = false});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].error == "malformed stream event: caf\xef\xbf\xbd");
  CHECK(rows[1].text == "ok \xef\xbf\xbd then");
  CHECK(ds::core::utf8_valid(rows[1].finish_reason));
}
