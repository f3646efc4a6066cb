// Each fault flag of `distillscope serve` is observable over real HTTP (rate 1.0).
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

const std::string kBody =
    json{{"model", "sim-teacher"}, {"messages", {{{"role", "user"}, {"content", "Name a river."}}}}}.dump();

httplib::Result send(const ds::test::ServeProcess& s, int timeout_s = 10) {
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(timeout_s, 0);
  return c.Post("/v1/chat/completions", kBody, "application/json");
}

bool parses(const std::string& text) { return json::accept(text); }

}  // namespace

TEST_CASE("--error-rate 1 gives 500/503 error bodies, counted as faults") {
  ds::test::ServeProcess s({"--simulate", "--error-rate", "1"});
  for (int i = 0; i < 4; ++i) {
    auto r = send(s);
    REQUIRE(r);
    CHECK((r->status == 500 || r->status == 503));
    CHECK(json::parse(r->body)["error"]["type"] == "server_error");
  }
  const json stats = json::parse(s.http_get("/stats"));
  CHECK(stats["models"]["sim-teacher"]["faults"] == 4);
  CHECK(stats["models"]["sim-teacher"]["answered"] == 0);
}

TEST_CASE("--rate-limit gives 429 with retry-after and x-ratelimit headers beyond the bucket") {
  ds::test::ServeProcess s({"--simulate", "--rate-limit", "2/s"});
  int ok = 0, limited = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = send(s);
    REQUIRE(r);
    CHECK(!r->get_header_value("x-ratelimit-limit-requests").empty());
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      CHECK(!r->get_header_value("retry-after").empty());
      CHECK(!r->get_header_value("x-ratelimit-reset-requests").empty());
      CHECK(json::parse(r->body)["error"]["code"] == "rate_limit_exceeded");
    }
  }
  CHECK(ok >= 2);
  CHECK(limited >= 1);
}

TEST_CASE("--drop-rate 1 closes the connection without a response") {
  ds::test::ServeProcess s({"--simulate", "--drop-rate", "1"});
  auto r = send(s);
  CHECK_FALSE(r);
  const json stats = json::parse(s.http_get("/stats"));
  CHECK(stats["models"]["sim-teacher"]["faults"] == 1);
}

TEST_CASE("--garbage-rate 1 answers 200 with a body that is not JSON") {
  ds::test::ServeProcess s({"--simulate", "--garbage-rate", "1"});
  for (int i = 0; i < 4; ++i) {
    auto r = send(s);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK_FALSE(parses(r->body));
  }
}

TEST_CASE("--truncate-rate 1 cuts the body short") {
  ds::test::ServeProcess s({"--simulate", "--truncate-rate", "1"});
  int cut_json = 0, cut_connection = 0;
  for (int i = 0; i < 8; ++i) {
    auto r = send(s);
    if (!r) {
      ++cut_connection;  // Content-Length promised more than arrived
      continue;
    }
    CHECK(r->status == 200);
    CHECK_FALSE(parses(r->body));
    ++cut_json;
  }
  CHECK(cut_json + cut_connection == 8);
  CHECK(cut_json > 0);
  CHECK(cut_connection > 0);
}

TEST_CASE("--stall-rate 1 holds the response past a client's timeout") {
  ds::test::ServeProcess s({"--simulate", "--stall-rate", "1", "--stall-ms", "3000"});
  CHECK_FALSE(send(s, 1));
}

TEST_CASE("--latency-ms delays every answer, and the same --fault-seed gives the same faults") {
  ds::test::ServeProcess s({"--simulate", "--latency-ms", "300,0"});
  const auto t0 = std::chrono::steady_clock::now();
  auto r = send(s);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(300));

  auto statuses = [](const std::string& seed) {
    ds::test::ServeProcess f({"--simulate", "--error-rate", "0.5", "--fault-seed", seed});
    std::vector<int> out;
    for (int i = 0; i < 12; ++i) out.push_back(send(f)->status);
    return out;
  };
  const auto a = statuses("3");
  CHECK(a == statuses("3"));
  CHECK(std::count(a.begin(), a.end(), 200) > 0);
  CHECK(std::count(a.begin(), a.end(), 200) < 12);
}
