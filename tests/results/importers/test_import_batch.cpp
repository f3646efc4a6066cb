#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;

namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

size_t count(Store& store, const char* table) {
  auto s = store.db().prepare(std::string("SELECT COUNT(*) FROM ") + table);
  s.step();
  return static_cast<size_t>(s.integer(0));
}

struct Bench {
  ds::test::TempDir dir;
  std::string answers;
  Bench() {
    std::filesystem::create_directories(dir.file("model_answer"));
    write(dir.file("question.jsonl"),
          "{\"question_id\": 1, \"category\": \"math\", \"turns\": [\"What is 2+2?\", \"And 3+3?\"]}\n"
          "{\"question_id\": 2, \"category\": \"writing\", \"turns\": [\"Write a haiku.\"]}\n");
    answers = dir.file("model_answer/alpha-7b.jsonl");
    write(answers,
          "{\"question_id\": 1, \"model_id\": \"x\", \"choices\": [{\"index\": 0, \"turns\": [\"4\", \"6\"]}]}\n"
          "{\"question_id\": 2, \"model_id\": \"x\", \"choices\": [{\"index\": 0, \"turns\": [\"Leaves fall.\"]}]}\n");
  }
};

}  // namespace

TEST_CASE("mtbench import: one item per turn, conversation so far, model from file stem") {
  Bench b;
  Store store(b.dir.file("r.db"));
  const auto s = import_files(store, {b.answers}, {.format = "mtbench"});
  CHECK(s.responses == 3);
  const auto rows = store.responses({});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].model == "alpha-7b");
  CHECK(rows[0].run_id.rfind("import-", 0) == 0);
  const auto t2 = store.item("mtbench", "1.t2");
  REQUIRE(t2);
  REQUIRE(t2->messages.size() == 2);
  CHECK(t2->messages[0]["content"] == "What is 2+2?");
  CHECK(t2->messages[1]["content"] == "And 3+3?");
  CHECK(t2->data["category"] == "math");
  const auto m = store.model("alpha-7b");
  REQUIRE(m);
  CHECK(m->provider == "import");
  CHECK(m->source == b.answers);
}

TEST_CASE("importing the same file twice changes nothing") {
  Bench b;
  Store store(b.dir.file("r.db"));
  import_files(store, {b.answers}, {.format = "mtbench"});
  const auto before = store.responses({});
  import_files(store, {b.answers}, {.format = "mtbench"});
  const auto after = store.responses({});
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(before[i].id == after[i].id);
    CHECK(before[i].text == after[i].text);
  }
  CHECK(count(store, "items") == 3);
  CHECK(count(store, "models") == 1);
}

TEST_CASE("a malformed line names file:line and nothing is written") {
  Bench b;
  const auto bad = b.dir.file("model_answer/beta.jsonl");
  write(bad,
        "{\"question_id\": 1, \"choices\": [{\"turns\": [\"4\"]}]}\n"
        "{\"question_id\": 2, \"choices\": [{\"turns\": [17]}]}\n");
  Store store(b.dir.file("r.db"));
  try {
    import_files(store, {b.answers, bad}, {.format = "mtbench"});
    FAIL("expected InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find(bad + ":2") != std::string::npos);
  }
  CHECK(count(store, "responses") == 0);
  CHECK(count(store, "models") == 0);
  write(bad, "{\"question_id\": 1, \"choices\": [{\"turns\": [\"4\"]}]}\nnot json\n");
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "mtbench"}),
                       doctest::Contains((bad + ":2").c_str()), InputError);
  write(bad, "{\"question_id\": 99, \"choices\": [{\"turns\": [\"4\"]}]}\n");
  CHECK_THROWS_WITH_AS(import_files(store, {bad}, {.format = "mtbench"}),
                       doctest::Contains((bad + ":1").c_str()), InputError);
  CHECK(count(store, "responses") == 0);
}

TEST_CASE("arenahard turns are objects with content; --questions and --model are honoured") {
  ds::test::TempDir dir;
  write(dir.file("q.jsonl"), "{\"question_id\": \"abc\", \"category\": \"hard\", \"turns\": [{\"content\": \"Explain X.\"}]}\n");
  write(dir.file("ans.jsonl"), "{\"question_id\": \"abc\", \"choices\": [{\"turns\": [{\"content\": \"X is Y.\"}]}]}\n");
  Store store(dir.file("r.db"));
  import_files(store, {dir.file("ans.jsonl")},
               {.format = "arenahard", .model_name = "gamma", .questions_path = dir.file("q.jsonl")});
  const auto rows = store.responses({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].model == "gamma");
  CHECK(rows[0].suite == "arenahard");
  CHECK(rows[0].item_id == "abc.t1");
  CHECK(rows[0].text == "X is Y.");
}

TEST_CASE("alpacaeval joins on the instruction text") {
  ds::test::TempDir dir;
  std::filesystem::create_directories(dir.file("m1"));
  std::filesystem::create_directories(dir.file("m2"));
  write(dir.file("m1/model_outputs.json"),
        R"([{"instruction": "Name a color.", "output": "Blue.", "generator": "m1", "dataset": "helpful"}])");
  write(dir.file("m2/model_outputs.json"),
        R"([{"instruction": "Name a color.", "output": "Red.", "generator": "m2"}])");
  Store store(dir.file("r.db"));
  import_files(store, {dir.file("m1/model_outputs.json"), dir.file("m2/model_outputs.json")},
               {.format = "alpacaeval"});
  const auto rows = store.responses({});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].item_id == rows[1].item_id);
  CHECK(store.model("m1"));
  CHECK(store.model("m2"));
  write(dir.file("bad.json"), R"([{"instruction": "x"}])");
  CHECK_THROWS_WITH_AS(import_files(store, {dir.file("bad.json")}, {.format = "alpacaeval"}),
                       doctest::Contains("entry 1"), InputError);
}

TEST_CASE("jsonl records import and keep existing items") {
  ds::test::TempDir dir;
  Store store(dir.file("r.db"));
  StoredItem item;
  item.suite = "math";
  item.item_id = "q1";
  item.data = {{"answer", "4"}};
  store.upsert_item(item);
  write(dir.file("rec.jsonl"),
        "{\"model\": \"m\", \"suite\": \"math\", \"item_id\": \"q1\", \"text\": \"4\"}\n");
  import_files(store, {dir.file("rec.jsonl")}, {.format = "jsonl"});
  CHECK(store.item("math", "q1")->data["answer"] == "4");
  REQUIRE(store.responses({}).size() == 1);
  write(dir.file("bad.jsonl"), "{\"model\": \"m\", \"suite\": \"math\"}\n");
  CHECK_THROWS_WITH_AS(import_files(store, {dir.file("bad.jsonl")}, {.format = "jsonl"}),
                       doctest::Contains("bad.jsonl:1"), InputError);
}

TEST_CASE("duplicate entries are counted as duplicates, not as imported") {
  Bench b;
  const std::string records = b.dir.file("records.jsonl");
  const std::string line = R"({"model":"m","suite":"s","item_id":"i1","sample":0,"text":"first"})";
  write(records, line + "\n" + line + "\n" +
                     R"({"model":"m","suite":"s","item_id":"i2","sample":0,"text":"second"})" + "\n");
  Store store(b.dir.file("r.db"));
  const auto s = import_files(store, {records}, {.format = "jsonl"});
  CHECK(s.responses == 2);
  CHECK(s.duplicates == 1);
  CHECK(count(store, "responses") == 2);
}

TEST_CASE("a 200,000-deep usage is a clear error and leaves the store usable") {
  Bench b;
  const std::string records = b.dir.file("deep.jsonl");
  write(records, R"({"model":"m","suite":"s","item_id":"i1","sample":0,"text":"t","usage":)" +
                     std::string(200'000, '[') + std::string(200'000, ']') + "}\n");
  Store store(b.dir.file("r.db"));
  CHECK_THROWS_WITH_AS(import_files(store, {records}, {.format = "jsonl"}),
                       doctest::Contains("deep.jsonl:1: not valid JSON: nested deeper than 32 levels"), InputError);
  CHECK(count(store, "responses") == 0);
  CHECK(import_files(store, {b.answers}, {.format = "mtbench"}).responses == 3);
}

TEST_CASE("a file name that is not UTF-8 gives a valid UTF-8 model name") {
  Bench b;
  const std::string odd = b.dir.file("model_answer/caf\xe9-7b.jsonl");
  std::filesystem::copy_file(b.answers, odd);
  Store store(b.dir.file("r.db"));
  import_files(store, {odd}, {.format = "mtbench"});
  CHECK(store.responses({})[0].model == "caf\xef\xbf\xbd-7b");
}

TEST_CASE("each of mtbench and arenahard takes only its own turn shape, in answers and in questions") {
  Bench b;
  Store store(b.dir.file("r.db"));
  CHECK_THROWS_WITH_AS(import_files(store, {b.answers}, {.format = "arenahard"}),
                       doctest::Contains("alpha-7b.jsonl:1: field 'choices[0].turns[0]' is a string, as MT-bench writes it"),
                       InputError);
  // Arena-Hard answers whose questions file is MT-bench's: the questions file is named.
  write(b.dir.file("model_answer/beta.jsonl"),
        "{\"question_id\": 1, \"choices\": [{\"turns\": [{\"content\": \"4\"}]}]}\n");
  CHECK_THROWS_WITH_AS(import_files(store, {b.dir.file("model_answer/beta.jsonl")}, {.format = "arenahard"}),
                       doctest::Contains("question.jsonl:1: field 'turns[0]' is a string"), InputError);
  CHECK_THROWS_WITH_AS(import_files(store, {b.dir.file("model_answer/beta.jsonl")}, {.format = "mtbench"}),
                       doctest::Contains("beta.jsonl:1: field 'choices[0].turns[0]' is an object, as Arena-Hard writes it"),
                       InputError);
  CHECK(count(store, "responses") == 0);
}

TEST_CASE("a leaderboard folder imports every answer file in its published layout") {
  Bench b;
  write(b.dir.file("model_answer/beta-13b.jsonl"),
        "{\"question_id\": 2, \"choices\": [{\"index\": 0, \"turns\": [\"Rain.\"]}]}\n");
  Store store(b.dir.file("r.db"));
  const auto summary = import_files(store, {b.dir.path()}, {.format = "mtbench"});
  CHECK(summary.files == 2);
  CHECK(summary.models == 2);
  CHECK(summary.responses == 4);
  // The model_answer folder itself works too (and changes nothing: same files).
  CHECK(import_files(store, {b.dir.file("model_answer")}, {.format = "mtbench"}).files == 2);
  CHECK(count(store, "responses") == 4);
  CHECK_THROWS_WITH_AS(import_files(store, {b.dir.file("model_answer")}, {.format = "alpacaeval"}),
                       doctest::Contains("results/MODEL/model_outputs.json"), InputError);
}

TEST_CASE("an AlpacaEval repository imports results/*/model_outputs.json, each folder naming its model") {
  ds::test::TempDir dir;
  for (const std::string model : {"gpt4_turbo", "alpaca-7b"}) {
    std::filesystem::create_directories(dir.file("results/" + model));
    write(dir.file("results/" + model + "/model_outputs.json"),
          "[{\"instruction\": \"Say hi.\", \"output\": \"hi from " + model + "\", \"generator\": \"" + model + "\"}]");
  }
  Store store(dir.file("r.db"));
  const auto summary = import_files(store, {dir.path()}, {.format = "alpacaeval"});
  CHECK(summary.files == 2);
  std::set<std::string> models;
  for (const auto& r : store.responses({})) models.insert(r.model);
  CHECK(models == std::set<std::string>{"alpaca-7b", "gpt4_turbo"});
}

TEST_CASE("sample numbers: 300,000 answers to one prompt each take the lowest free one, linearly") {
  // Searching from 0 per answer was quadratic (40,000 promptfoo rows of one prompt: 88 s;
  // 300,000 would take hours). The lowest free number only moves up, over each number once.
  ImportBatch batch;
  CHECK(take_sample(batch, "m", "s", "i", 2) == 2);  // a tool's own repeat index, when free
  CHECK(take_sample(batch, "m", "s", "i", 2) == 0);  // taken: the lowest free one
  for (int expected = 1; expected < 300'000; ++expected) {
    const int got = take_sample(batch, "m", "s", "i");
    if (got != (expected == 1 ? 1 : expected + 1)) {
      FAIL_CHECK("answer " << expected << " took sample " << got);
      break;
    }
  }
  CHECK(batch.samples_taken.at({"m", "s", "i"}).lowest_free() == 300'001);
  CHECK(take_sample(batch, "m", "s", "other") == 0);
}
