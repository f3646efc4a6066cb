// The simulated endpoint's distilled model is detected and its independent models are not:
// answers are fetched over real HTTP from `distillscope serve --simulate`, stored, and tested
// with the real `detect` command.
#include <doctest/doctest.h>
#include <httplib.h>

#include "core/json.hpp"
#include "results/store.hpp"
#include "tasks/suite.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

TEST_CASE("detect finds sim-student as distilled from sim-teacher, not the independents") {
  ds::test::ServeProcess serve({"--simulate"});
  ds::test::TempDir tmp;
  const std::string db = tmp.file("sim.db");
  // The eleven independents are the panel the null is calibrated on.
  std::vector<std::string> models{"sim-teacher", "sim-student", "sim-mixed"};
  for (char c = 'a'; c <= 'k'; ++c) models.push_back(std::string("sim-independent-") + c);
  {
    Store store(db);
    httplib::Client client("127.0.0.1", serve.port());
    client.set_read_timeout(30, 0);
    for (const auto& m : models) store.upsert_model({m, "openai", serve.base_url(), m, true});
    for (const char* suite_name : {"creativity", "philosophy", "probes"}) {
      const auto suite = load_suite(suite_name);
      for (const auto& item : suite.items) {
        json messages = json::array();
        for (const auto& msg : item.messages) messages.push_back({{"role", msg.role}, {"content", msg.content}});
        for (const auto& m : models) {
          const json body = {{"model", m}, {"messages", messages}, {"temperature", 0}};
          auto res = client.Post("/v1/chat/completions", body.dump(), "application/json");
          REQUIRE(res);
          REQUIRE(res->status == 200);
          const json reply = json::parse(res->body);
          Record r;
          r.model = m;
          r.suite = item.suite;
          r.item_id = item.id;
          r.text = reply["choices"][0]["message"]["content"].get<std::string>();
          store.put_response(r);
        }
      }
    }
  }
  const auto d = ds::test::run_distillscope({"detect", "--reference", "sim-teacher", "--db", db, "--json", "--permutations", "999"});
  REQUIRE_MESSAGE(d.exit_code == 0, d.err);
  const json out = json::parse(d.out);
  for (const auto& c : out["candidates"])
    MESSAGE(c["model"].get<std::string>() << " z=" << c["z"] << " p=" << c["p_value"] << " perm=" << c["p_permutation"] << " "
            << c["verdict"].get<std::string>() << " " << c["components"].dump());
  std::map<std::string, json> by_model;
  for (const auto& c : out["candidates"]) by_model[c["model"].get<std::string>()] = c;
  REQUIRE(by_model.count("sim-student"));
  CHECK(by_model["sim-student"]["verdict"] == "distilled");
  CHECK(by_model["sim-student"]["p_adjusted"].get<double>() <= 0.05);
  CHECK(by_model["sim-student"]["p_permutation"].get<double>() <= 0.01);
  for (size_t i = 3; i < models.size(); ++i) {
    const std::string& m = models[i];
    INFO(m);
    REQUIRE(by_model.count(m));
    // What must never happen is a "distilled" verdict for an unrelated model.
    CHECK(by_model[m]["verdict"] != "distilled");
    CHECK(by_model[m]["p_permutation"].get<double>() > 0.05);
    CHECK(by_model[m]["statistic"].get<double>() < by_model["sim-student"]["statistic"].get<double>());
  }
}
