#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "results/store_writer.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;

TEST_CASE("store writer stores every record and streams JSONL while a reader reads") {
  ds::test::TempDir dir;
  const std::string db = dir.file("r.db");
  Store reader(db);
  {
    StoreWriter writer(db, dir.file("out.jsonl"));
    std::thread producer([&] {
      for (int i = 0; i < 500; ++i) {
        Record r;
        r.model = "m";
        r.suite = "s";
        r.item_id = "i" + std::to_string(i);
        r.text = "t";
        writer.submit(r);
      }
    });
    // Reading while the writer commits must never fail with "database is locked".
    for (int i = 0; i < 50; ++i) CHECK_NOTHROW(reader.responses({}));
    producer.join();
    writer.close();
    CHECK(writer.written() == 500);
  }
  CHECK(reader.responses({}).size() == 500);
  std::ifstream in(dir.file("out.jsonl"));
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    CHECK(json::parse(line)["model"] == "m");
    ++lines;
  }
  CHECK(lines == 500);
}
