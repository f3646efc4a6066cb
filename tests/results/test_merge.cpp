#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "results/merge.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;

TEST_CASE("merging shards gives the union, answers win over errors, scores follow") {
  ds::test::TempDir dir;
  {
    Store a(dir.file("a.db"));
    a.upsert_model({"m", "openai", "http://x", "openai:m", false});
    const auto id = a.put_response({.model = "m", .suite = "math", .item_id = "1", .text = "2"});
    a.put_score({id, "math", 1.0, "2", json::object()});
    a.put_response({.model = "m", .suite = "math", .item_id = "2", .error = "HTTP 500"});
  }
  {
    Store b(dir.file("b.db"));
    b.put_response({.model = "m", .suite = "math", .item_id = "2", .text = "5"});
    b.put_response({.model = "m", .suite = "math", .item_id = "1", .error = "timeout"});
  }
  Store target(dir.file("all.db"));
  merge_stores(target, {dir.file("a.db"), dir.file("b.db")});
  merge_stores(target, {dir.file("b.db"), dir.file("a.db")});  // again, other order
  const auto rows = target.responses({.ok_only = false});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].text == "2");
  CHECK(rows[0].score == 1.0);
  CHECK(rows[1].text == "5");
  CHECK(rows[1].error.empty());
  CHECK(target.model("m").has_value());
}

TEST_CASE("merging a file that is not a store fails before anything is written") {
  ds::test::TempDir dir;
  { Store a(dir.file("a.db")); a.put_response({.model = "m", .suite = "s", .item_id = "1", .text = "x"}); }
  std::ofstream(dir.file("junk.db")) << "this is not sqlite";
  Store target(dir.file("all.db"));
  CHECK_THROWS_AS(merge_stores(target, {dir.file("a.db"), dir.file("junk.db")}), InputError);
  CHECK(target.responses({}).empty());
  CHECK_THROWS_AS(merge_stores(target, {dir.file("nope.db")}), InputError);
}

TEST_CASE("merging one name from two endpoints is refused before anything is written") {
  ds::test::TempDir dir;
  {
    Store a(dir.file("a.db"));
    a.upsert_model({"m", "openai", "http://one/v1", "openai:m@http://one/v1", false});
    a.put_response({.model = "m", .suite = "s", .item_id = "1", .text = "x"});
  }
  {
    Store b(dir.file("b.db"));
    b.upsert_model({"m", "openai", "http://two/v1", "openai:m@http://two/v1", false});
    b.put_response({.model = "m", .suite = "s", .item_id = "2", .text = "y"});
  }
  CHECK_THROWS_WITH_AS(check_merge_inputs({dir.file("a.db"), dir.file("b.db")}),
                       doctest::Contains("model 'm' is openai http://one/v1"), InputError);
  Store target(dir.file("all.db"));
  CHECK_THROWS_AS(merge_stores(target, {dir.file("a.db"), dir.file("b.db")}), InputError);
  CHECK(target.responses({}).empty());
  CHECK_THROWS_AS(check_merge_inputs({dir.file("missing.db")}), InputError);
  CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
}
