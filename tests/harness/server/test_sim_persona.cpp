// The simulated personas are data files: the shipped ones load, a bad file is an error naming
// the file and the field, and the power-study students copy their teacher's answer
// distributions with their mixing weight, reproducibly for a seed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "core/json.hpp"
#include "harness/server/sim_persona.hpp"
#include "harness/server/simulated_backend.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;
using namespace ds::harness::server;

namespace {

json persona_json(const std::string& name) {
  return json::parse(std::ifstream(sim_personas_dir() + "/" + name + ".json"));
}

std::string load_error(const std::vector<std::pair<std::string, json>>& files) {
  ds::test::TempDir dir;
  for (const auto& [name, doc] : files) std::ofstream(dir.file(name)) << doc.dump(2);
  try {
    load_personas(dir.path());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The probes suite's "Pick a random number" item, answered by `model` with `seed`.
std::string pick_number(const SimulatedBackend& sim, const std::string& model, int64_t seed) {
  ChatQuery q;
  q.model = model;
  q.messages = {{"user", "Pick a random number between 1 and 100. Reply with the number only."}};
  q.seed = seed;
  q.temperature = 1.0;
  return *sim.answer(q, 0);
}

}  // namespace

TEST_CASE("the shipped personas load, with the power-study students of sim-teacher") {
  const auto& all = sim_personas();
  std::map<std::string, const Persona*> by_name;
  for (const auto& p : all) by_name[p.name] = &p;
  CHECK(all.size() == 18);
  REQUIRE(by_name.count("sim-teacher"));
  CHECK(by_name["sim-teacher"]->parent.empty());
  for (const auto& [name, lambda] : std::vector<std::pair<std::string, double>>{
           {"sim-student-l10", 0.1}, {"sim-student-l30", 0.3}, {"sim-student-l50", 0.5}, {"sim-student-l100", 1.0}}) {
    INFO(name);
    REQUIRE(by_name.count(name));
    CHECK(by_name[name]->parent == "sim-teacher");
    CHECK(by_name[name]->copy_rate == lambda);
    CHECK(by_name[name]->choices.count("number"));
  }
  for (char c = 'a'; c <= 'k'; ++c) CHECK(by_name.count(std::string("sim-independent-") + c));
}

TEST_CASE("a malformed persona file names the file and the field") {
  json good = persona_json("sim-independent-a");
  json bad_rate = good;
  bad_rate["copy_rate"] = 1.5;
  CHECK(load_error({{"sim-independent-a.json", bad_rate}}).find("sim-independent-a.json: copy_rate: must be a number in [0, 1]") !=
        std::string::npos);
  json no_openers = good;
  no_openers.erase("openers");
  CHECK(load_error({{"sim-independent-a.json", no_openers}}).find("openers: must be a non-empty array") != std::string::npos);
  json bad_weight = good;
  bad_weight["choices"]["number"]["27"] = -1;
  CHECK(load_error({{"sim-independent-a.json", bad_weight}}).find("choices.number.27: weight must be a number > 0") !=
        std::string::npos);
  json orphan = good;
  orphan["parent"] = "sim-nobody";
  orphan["copy_rate"] = 0.5;
  CHECK(load_error({{"sim-independent-a.json", orphan}}).find("parent: 'sim-nobody' is not another persona") !=
        std::string::npos);
  CHECK(load_error({{"other-name.json", good}}).find("differs from the file name") != std::string::npos);
  CHECK(load_error({}).find("no persona files") != std::string::npos);
}

TEST_CASE("students copy the teacher's choice distribution with their mixing weight, reproducibly") {
  const SimulatedBackend sim({});
  const Persona* teacher = find_persona("sim-teacher");
  REQUIRE(teacher);
  // The teacher's favourite number and its weight share.
  const auto& numbers = teacher->choices.at("number");
  double total = 0, top = 0;
  std::string favourite;
  for (const auto& [answer, w] : numbers) {
    total += w;
    if (w > top) top = w, favourite = answer;
  }
  const double p_fav = top / total;
  auto share = [&](const std::string& model) {
    int hits = 0;
    for (int64_t seed = 0; seed < 400; ++seed) hits += pick_number(sim, model, seed) == favourite;
    return hits / 400.0;
  };
  const double t = share("sim-teacher"), l100 = share("sim-student-l100"), l30 = share("sim-student-l30"),
               l10 = share("sim-student-l10");
  MESSAGE("share of the teacher's favourite " << favourite << ": teacher " << t << ", l100 " << l100 << ", l30 "
                                              << l30 << ", l10 " << l10 << " (expected " << p_fav << " for l100)");
  // 400 draws: sd of a share near 0.7 is 0.023; the margins are >= 4 sd.
  CHECK(t == doctest::Approx(p_fav).epsilon(0.15));
  CHECK(l100 == doctest::Approx(p_fav).epsilon(0.15));
  CHECK(l30 < l100 - 0.2);
  CHECK(l10 < l30);
  // The student draws its own samples from the teacher's distribution, not the teacher's dice.
  int same = 0;
  for (int64_t seed = 0; seed < 100; ++seed) same += pick_number(sim, "sim-teacher", seed) == pick_number(sim, "sim-student-l100", seed);
  CHECK(same < 90);
  // A seed gives the same sample every time; different seeds give different samples.
  CHECK(pick_number(sim, "sim-student-l30", 7) == pick_number(sim, "sim-student-l30", 7));
  std::set<std::string> seen;
  for (int64_t seed = 0; seed < 50; ++seed) seen.insert(pick_number(sim, "sim-student-l30", seed));
  CHECK(seen.size() >= 3);
}
