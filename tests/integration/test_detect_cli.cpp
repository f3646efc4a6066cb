// `detect` through the real binary: the fail-closed gate, honest verdict words, the panel
// file's errors and the JSON fields the report renders.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/json.hpp"
#include "results/store.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

TEST_CASE("detect --fail-on distilled fails closed on a panel too small to test") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("small.db");
  {
    Store store(db);
    ds::test::fill_lineage_store(store, 1);
  }
  const auto d = ds::test::run_distillscope(
      {"detect", "--reference", "teacher", "--candidate", "student", "--db", db, "--fail-on", "distilled"});
  CHECK(d.exit_code == 1);
  CHECK(d.out.find("insufficient evidence") != std::string::npos);
  CHECK(d.err.find("panel has 1 model") != std::string::npos);
  const auto allowed = ds::test::run_distillscope({"detect", "--reference", "teacher", "--candidate", "student", "--db",
                                               db, "--fail-on", "distilled", "--allow-insufficient"});
  CHECK(allowed.exit_code == 0);
  const auto bad_gate = ds::test::run_distillscope({"detect", "--reference", "teacher", "--db", db, "--fail-on", "math<1"});
  CHECK(bad_gate.exit_code == 2);
}

TEST_CASE("detect names the null, the panel and the correction; --panel-file errors name the line") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("d.db");
  {
    Store store(db);
    ds::test::fill_lineage_store(store, 20);
  }
  {
    std::ofstream(tmp.file("panel.txt")) << "# independents I trust\nindep-0\nindep-1\n\nindep-2\nindep-3\n"
                                            "indep-4\nindep-5\nindep-6\nindep-7\nindep-8\nindep-9\n";
    std::ofstream(tmp.file("bad.txt")) << "indep-0\nnobody-here\n";
  }
  const auto d = ds::test::run_distillscope({"detect", "--reference", "teacher", "--candidate", "student",
                                         "--candidate", "indep-15", "--panel-file", tmp.file("panel.txt"),
                                         "--db", db, "--json", "--fail-on", "distilled"});
  CHECK(d.exit_code == 1);  // the student is distilled
  CHECK(d.err.find("student is distilled from teacher") != std::string::npos);
  const json out = json::parse(d.out);
  CHECK(out["reference"] == "teacher");
  // Two named candidates are two questions: no correction unless --family-wise.
  CHECK(out["correction"] == "none");
  CHECK(out["family_size"] == 1);
  CHECK(out["summary"].get<std::string>().find("1 of 2 tested models answers like teacher beyond the panel") == 0);
  CHECK(out["panel"].size() == 10);
  CHECK(out["panel_source"].get<std::string>().find("panel.txt") != std::string::npos);
  REQUIRE(out["candidates"].size() == 2);
  for (const char* k : {"model", "closest_reference", "statistic", "z", "z_interval", "p_value", "p_adjusted",
                        "verdict", "null", "null_description", "panel_size", "detectable_z", "insufficient_reason",
                        "components", "siblings", "evidence"})
    CHECK(out["candidates"][0].contains(k));
  CHECK(out["candidates"][0]["model"] == "student");
  CHECK(out["candidates"][0]["verdict"] == "distilled");
  CHECK(out["candidates"][0]["null"] == "parametric");
  CHECK(out["candidates"][1]["verdict"] == "not detected");
  const auto bad = ds::test::run_distillscope(
      {"detect", "--reference", "teacher", "--panel-file", tmp.file("bad.txt"), "--db", db});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.txt:2: unknown model 'nobody-here'") != std::string::npos);
  const auto missing = ds::test::run_distillscope(
      {"detect", "--reference", "teacher", "--panel-file", tmp.file("none.txt"), "--db", db});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("none.txt") != std::string::npos);
}

TEST_CASE("declared provenance chooses the panel: --provenance, or the file beside the store") {
  ds::test::TempDir tmp;
  const std::string db = tmp.file("p.db");
  {
    Store store(db);
    ds::test::fill_lineage_store(store, 20);
  }
  // Model-card facts: ten independents declared; the student's teacher is named but never used
  // to flag it.
  json facts = {{"models", {{"teacher", {{"kind", "proprietary"}, {"family", "lab-a"}}},
                            {"student", {{"kind", "distilled"}, {"teacher", "teacher"}}}}}};
  for (int i = 0; i < 10; ++i)
    facts["models"]["indep-" + std::to_string(i)] = {{"kind", "independent"}, {"family", "org-" + std::to_string(i)},
                                                     {"source", "model card"}};
  std::ofstream(tmp.file("facts.json")) << facts.dump();
  std::ofstream(tmp.file("broken.json")) << R"({"models": {"indep-0": {"family": "x"}}})";
  const auto d = ds::test::run_distillscope({"detect", "--reference", "teacher", "--provenance", tmp.file("facts.json"),
                                             "--db", db, "--json"});
  REQUIRE(d.exit_code == 0);
  const json out = json::parse(d.out);
  CHECK(out["panel"].size() == 10);
  CHECK(out["panel_source"].get<std::string>().find("declared provenance") == 0);
  CHECK(out["sweep"] == true);
  CHECK(out["correction"] == "bh");
  CHECK(out["candidates"][0]["model"] == "student");
  CHECK(out["candidates"][0]["verdict"] == "distilled");
  // The same file beside the store is used without the flag, and the output says so.
  std::filesystem::copy_file(tmp.file("facts.json"), db + ".provenance.json");
  const auto beside = ds::test::run_distillscope({"detect", "--reference", "teacher", "--db", db});
  CHECK(beside.exit_code == 0);
  CHECK(beside.out.find("declared provenance (" + db + ".provenance.json)") != std::string::npos);
  // Words first: the first line says what was found.
  CHECK(beside.out.rfind("1 of 21 tested models answers like teacher beyond the panel", 0) == 0);
  // The report's detection uses the same declared panel as detect.
  const auto report = ds::test::run_distillscope({"report", "--format", "md", "--reference", "teacher", "--db", db});
  CHECK(report.exit_code == 0);
  CHECK(report.out.find("10 models (declared provenance") != std::string::npos);
  const auto broken = ds::test::run_distillscope({"detect", "--reference", "teacher", "--provenance",
                                                  tmp.file("broken.json"), "--db", db});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("broken.json") != std::string::npos);
  CHECK(broken.err.find("indep-0") != std::string::npos);
  const auto both = ds::test::run_distillscope({"detect", "--reference", "teacher", "--provenance",
                                                tmp.file("facts.json"), "--panel", "indep-1", "--db", db});
  CHECK(both.exit_code == 2);
}
