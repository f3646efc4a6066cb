// Multiple-choice answers imported from lm-eval reach the detector as choices: its "choices"
// component compares the models' chosen options.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;
namespace test = ds::test;
namespace fs = std::filesystem;

TEST_CASE("lm-eval:choice scores feed the detector's choice component") {
  test::TempDir dir;
  const std::string date = "2025-01-15T10-20-30.123456";
  const std::string source = test::fixture_path("import/lm-eval/alpha-chat/samples_planets_" + date + ".jsonl");
  std::ifstream in(source);
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  const std::string db = dir.file("r.db");
  for (int m = 0; m < 5; ++m) {
    const std::string model = "model-" + std::to_string(m);
    fs::create_directories(dir.file(model));
    std::ofstream(dir.file(model + "/results_" + date + ".json"))
        << json{{"model_name", model}, {"configs", {{"planets", {{"output_type", "multiple_choice"}}}}}}.dump();
    std::ofstream out(dir.file(model + "/samples_planets_" + date + ".jsonl"));
    for (auto line : lines) {
      // Each model prefers option m % n: models 0 and 1 differ, 0 and 5 would agree.
      auto& filtered = line["filtered_resps"];
      for (size_t i = 0; i < filtered.size(); ++i)
        filtered[i][0] = i == static_cast<size_t>(m) % filtered.size() ? "-0.1" : "-4.0";
      out << line.dump() << "\n";
    }
    out.close();
    const auto r = test::run_distillscope({"import", "--format", "lm-eval",
                                           dir.file(model + "/samples_planets_" + date + ".jsonl"), "--db", db});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  const auto d = test::run_distillscope({"detect", "--reference", "model-0", "--db", db, "--json"});
  REQUIRE_MESSAGE(d.exit_code == 0, d.err);
  const json out = json::parse(d.out);
  REQUIRE(out["candidates"].size() == 4);
  for (const auto& c : out["candidates"]) {
    INFO(c.dump());
    CHECK(c["components"].contains("choices"));
  }
}
