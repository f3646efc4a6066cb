#include <doctest/doctest.h>

#include <fstream>
#include <future>
#include <stdexcept>
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

TEST_CASE("store writer writes its prologue before the first record, and close() throws its error") {
  ds::test::TempDir dir;
  const std::string db = dir.file("r.db");
  Store reader(db);
  {
    StoredItem item;
    item.suite = "s";
    item.item_id = "i0";
    item.messages = json::array({{{"role", "user"}, {"content", "q"}}});
    item.data = json::object();
    bool records_waited = false;
    std::promise<void> submitted;
    StoreWriter writer(db, "", [&](Store& store) {
      store.upsert_item(item);
      // A record submitted meanwhile waits for the prologue's transaction.
      submitted.get_future().wait();
      records_waited = Store(db, /*read_only=*/true).responses({}).empty();
    });
    Record r;
    r.model = "m";
    r.suite = "s";
    r.item_id = "i0";
    r.text = "t";
    writer.submit(r);
    submitted.set_value();
    writer.close();
    CHECK(records_waited);
    CHECK(writer.written() == 1);
  }
  CHECK(reader.items().size() == 1);
  CHECK(reader.responses({}).size() == 1);

  StoreWriter failing(db, "", [](Store&) { throw std::runtime_error("disk full"); });
  Record r;
  r.model = "m";
  r.suite = "s";
  r.item_id = "i1";
  failing.submit(r);
  CHECK_THROWS_WITH(failing.close(), "disk full");
  CHECK(reader.responses({}).size() == 1);  // the writer stopped: nothing after the error
}
