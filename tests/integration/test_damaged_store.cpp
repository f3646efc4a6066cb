// A damaged, truncated or foreign file given as the store to `report` and `detect` is bad
// input: exit 2 with the file and what is wrong, never exit 70 "internal error".
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "results/store.hpp"
#include "tests/support/process.hpp"

using namespace ds::test;
using namespace ds::results;

namespace {

// A store of 2 models × 150 answers of 2 KB: many pages, so a cut or a scribble hits data.
void write_store(const std::string& db) {
  Store store(db);
  for (const char* model : {"ref", "cand"}) {
    store.upsert_model({model, "openai", "http://127.0.0.1:1/v1", "", false});
    for (int i = 0; i < 150; ++i) {
      Record r;
      r.model = model;
      r.suite = "smoke";
      r.item_id = "smoke-" + std::to_string(i);
      r.text = std::string(2000, static_cast<char>('a' + i % 26));
      store.put_response(r);
    }
  }
}

void overwrite(const std::string& path, size_t offset, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset));
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("report and detect on a truncated, scribbled-over or foreign store exit 2 naming it") {
  TempDir dir;
  const std::string good = dir.file("good.db");
  write_store(good);
  const auto size = std::filesystem::file_size(good);
  REQUIRE(size > 200'000);
  struct Damage {
    const char* name;
    void (*apply)(const std::string& path, size_t size);
    const char* says;
  };
  const Damage damages[] = {
      {"truncated", [](const std::string& p, size_t n) { std::filesystem::resize_file(p, n / 2); }, "damaged"},
      {"scribbled", [](const std::string& p, size_t n) { overwrite(p, n / 3, std::string(60'000, '\x5a')); }, "damaged"},
      {"header", [](const std::string& p, size_t) { overwrite(p, 0, "not a database at all, really"); }, "damaged"},
      {"foreign", [](const std::string& p, size_t) {
         std::filesystem::remove(p);
         ds::core::Database db(p);
         db.exec("CREATE TABLE other(x)");
       }, "not a distillscope results store"},
  };
  for (const auto& d : damages) {
    CAPTURE(d.name);
    const std::string db = dir.file(std::string(d.name) + ".db");
    std::filesystem::copy_file(good, db);
    d.apply(db, size);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"report", "--db", db, "--format", "csv"},
          std::vector<std::string>{"detect", "--db", db, "--reference", "ref"}}) {
      CAPTURE(args[0]);
      const CommandResult r = run_distillscope(args);
      INFO(r.err);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find(db) != std::string::npos);
      CHECK(r.err.find(d.says) != std::string::npos);
    }
  }
}
