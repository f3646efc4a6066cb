// The active probe battery end to end: `distillscope probe --model ...` sends the probes suite
// with several samples at temperature 1 to `distillscope serve --simulate` over real loopback
// HTTP, stores and scores the answers, and compares answer distributions. The student that
// copies sim-teacher's distributions (lambda = 1) must stand apart from the independents on
// the probe component alone; the detector must use the component.
#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

TEST_CASE("probe separates the lambda = 1 student from the independents over real HTTP") {
  ds::test::ServeProcess serve({"--simulate"});
  ds::test::TempDir tmp;
  const std::string db = tmp.file("probes.db");
  std::vector<std::string> models{"sim-teacher", "sim-student-l100"};
  for (char c = 'a'; c <= 'k'; ++c) models.push_back(std::string("sim-independent-") + c);
  std::vector<std::string> args{"probe", "--reference", "sim-teacher", "--db", db, "--samples", "4", "--json",
                                "--permutations", "199", "--lambda", "0.5", "--concurrency", "8"};
  for (const auto& m : models) {
    args.push_back("--model");
    args.push_back("openai:" + m + "@" + serve.base_url());
  }
  const auto r = ds::test::run_distillscope(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const json out = json::parse(r.out);  // the collection run reports on standard error
  std::map<std::string, json> by_model;
  for (const auto& c : out["candidates"]) {
    MESSAGE(c["model"].get<std::string>() << " z=" << c["z"] << " p=" << c["p_adjusted"] << " p_same="
                                          << c["p_same_distribution"] << " " << c["reading"].get<std::string>());
    by_model[c["model"].get<std::string>()] = c;
  }
  CHECK(out["prompts"].get<size_t>() >= 80);
  CHECK(out["reference_samples_per_prompt"] == 4);
  const json& student = by_model.at("sim-student-l100");
  CHECK(student["reading"] == "distilled");
  CHECK(student["p_adjusted"].get<double>() <= 0.05);
  CHECK(student["p_same_distribution"].get<double>() > 1e-3);  // its answers look drawn like the teacher's
  for (size_t i = 2; i < models.size(); ++i) {
    INFO(models[i]);
    const json& c = by_model.at(models[i]);
    CHECK(c["reading"] == "not detected");
    CHECK(c["z"].get<double>() < student["z"].get<double>() - 3);
    CHECK(c["p_same_distribution"].get<double>() < 1e-6);  // independents answer unlike the teacher
  }
  REQUIRE(out["sample_advice"].contains("samples_per_probe"));
  CHECK(out["sample_advice"]["simulations"] == 200);

  // A panel named in a file, as in `detect`: only those models calibrate the null; a name the
  // store does not know is an error at FILE:LINE.
  {
    std::ofstream panel(tmp.file("panel.txt"));
    panel << "# independents\n";
    for (size_t i = 2; i < models.size(); ++i) panel << models[i] << "\n";
    std::ofstream(tmp.file("bad.txt")) << "sim-independent-a\nnobody-here\n";
  }
  const auto named = ds::test::run_distillscope({"probe", "--reference", "sim-teacher", "--db", db, "--json",
                                                 "--permutations", "99", "--candidate", "sim-student-l100",
                                                 "--panel-file", tmp.file("panel.txt")});
  REQUIRE_MESSAGE(named.exit_code == 0, named.err);
  const json with_file = json::parse(named.out);
  CHECK(with_file["panel"].size() == models.size() - 2);
  CHECK(with_file["correction"] == "none (one candidate)");
  REQUIRE(with_file["candidates"].size() == 1);
  CHECK(with_file["candidates"][0]["reading"] == "distilled");
  const auto bad = ds::test::run_distillscope(
      {"probe", "--reference", "sim-teacher", "--db", db, "--panel-file", tmp.file("bad.txt")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.txt:2: unknown model 'nobody-here'") != std::string::npos);

  // `detect` uses the probe answers as a component of its own.
  const auto d = ds::test::run_distillscope({"detect", "--reference", "sim-teacher", "--db", db, "--json"});
  REQUIRE_MESSAGE(d.exit_code == 0, d.err);
  const json detected = json::parse(d.out);
  bool seen = false;
  for (const auto& c : detected["candidates"])
    if (c["model"] == "sim-student-l100") {
      seen = true;
      REQUIRE(c["components"].contains("probes"));
      CHECK(c["components"]["probes"]["z"].get<double>() > 3);
    }
  CHECK(seen);
}
