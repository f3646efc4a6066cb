// The real promptfoo (npm, the version pinned in tools/install-promptfoo.sh) evaluates prompts
// against `distillscope serve --simulate`; its results file imports, and gives the same answers
// and the same detection result as the same answers fetched directly and imported as an
// Inspect log. Setup installs the pinned promptfoo once per machine (minutes the first time;
// DISTILLSCOPE_PROMPTFOO=/path/to/promptfoo uses another); the test skips with the reason
// where npm or a suitable Node.js is missing, and fails when the install itself fails.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/json.hpp"
#include "core/text.hpp"
#include "results/store.hpp"
#include "tests/integration/import_helpers.hpp"
#include "tests/support/skip.hpp"

using namespace ds::harness;
using namespace ds::test;
namespace fs = std::filesystem;

namespace {

// The promptfoo binary, installed by tools/install-promptfoo.sh; "" with the reason in `why`
// when this machine cannot run it (exit 77: no npm, or a Node.js promptfoo does not support).
std::string promptfoo_binary(std::string& why) {
  if (const char* env = std::getenv("DISTILLSCOPE_PROMPTFOO"); env && *env) return env;
  const auto install = run_program({"/bin/bash", source_path("tools/install-promptfoo.sh")});
  if (install.exit_code == 77) {
    why = install.err;
    return "";
  }
  REQUIRE_MESSAGE(install.exit_code == 0, "tools/install-promptfoo.sh failed: " << install.err);
  const std::string path = ds::core::trim(install.out);
  REQUIRE_MESSAGE(fs::exists(path), "tools/install-promptfoo.sh printed no binary: " << install.out);
  return path;
}

// promptfoo config: every model as an OpenAI-compatible provider at the simulated endpoint,
// greedy; one test per prompt; an assertion so that each result carries a gradingResult.
// JSON is YAML, so the config is written with the JSON library.
void write_config(const std::string& path, const std::string& base_url, const std::vector<std::string>& models,
                  const std::vector<const SuiteItem*>& items) {
  json providers = json::array();
  for (const auto& m : models)
    providers.push_back({{"id", "openai:chat:" + m}, {"config", {{"apiBaseUrl", base_url}, {"temperature", 0}}}});
  json tests = json::array();
  for (const auto* item : items) tests.push_back({{"vars", {{"prompt", item->messages[0].content}}}});
  const json config = {{"description", "distillscope import test"},
                       {"prompts", json::array({"{{prompt}}"})},
                       {"providers", providers},
                       {"defaultTest", {{"assert", json::array({{{"type", "javascript"}, {"value", "output.length > 0"}}})}}},
                       {"tests", tests}};
  std::ofstream(path) << config.dump(2);
}

json detect(const std::string& db) {
  const auto d = run_distillscope({"detect", "--reference", "sim-teacher", "--db", db, "--json"});
  REQUIRE_MESSAGE(d.exit_code == 0, d.err);
  return json::parse(d.out);
}

}  // namespace

TEST_CASE("a results file written by the real promptfoo against serve --simulate imports like its answers") {
  std::string why;
  const std::string promptfoo = promptfoo_binary(why);
  if (promptfoo.empty()) {
    ds::test::skip("the real promptfoo cannot run here: " + why);
    return;
  }
  ds::test::ServeProcess serve({"--simulate"});
  TempDir tmp;
  const std::vector<std::string> models = {"sim-teacher", "sim-student", "sim-mixed", "sim-independent-a",
                                           "sim-independent-b", "sim-independent-c"};
  const std::vector<Suite> suites = {load_suite("probes"), load_suite("philosophy")};
  std::vector<const SuiteItem*> items;
  for (const auto& suite : suites)
    for (const auto& item : suite.items)
      if (single_user_turn(item) && item.messages[0].content.find("{{") == std::string::npos && items.size() < 40)
        items.push_back(&item);
  write_config(tmp.file("promptfooconfig.yaml"), serve.base_url(), models, items);
  fs::create_directories(tmp.file("home"));
  const auto run = run_program(
      {promptfoo, "eval", "-c", tmp.file("promptfooconfig.yaml"), "-o", tmp.file("results.json"), "--no-cache",
       "--no-table", "--no-progress-bar", "--no-write", "-j", "4"},
      {"HOME=" + tmp.file("home"), "PROMPTFOO_CONFIG_DIR=" + tmp.file("home"), "PROMPTFOO_DISABLE_TELEMETRY=1",
       "PROMPTFOO_DISABLE_UPDATE=1", "PROMPTFOO_DISABLE_SHARING=1", "NO_COLOR=1",
       "OPENAI_API_KEY=not-needed-by-the-simulated-endpoint"});
  REQUIRE_MESSAGE(fs::exists(tmp.file("results.json")), run.out << run.err);
  const json written = json::parse(std::ifstream(tmp.file("results.json")));
  MESSAGE("promptfoo " << written["metadata"].value("promptfooVersion", std::string("?")) << " exit " << run.exit_code);

  const auto imported = run_distillscope({"import", "--format", "promptfoo", tmp.file("results.json"), "--db", tmp.file("pf.db")});
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  // The same prompts and models, fetched directly, as Inspect logs.
  std::vector<Answer> answers;
  for (const auto& a : fetch(serve, models, suites))
    if (std::find(items.begin(), items.end(), a.item) != items.end()) answers.push_back(a);
  fs::create_directories(tmp.file("inspect"));
  std::vector<std::string> args = {"import", "--format", "inspect"};
  for (const auto& f : write_inspect(tmp.file("inspect"), answers)) args.push_back(f);
  args.insert(args.end(), {"--db", tmp.file("inspect.db")});
  const auto direct = run_distillscope(args);
  REQUIRE_MESSAGE(direct.exit_code == 0, direct.err);

  std::map<std::string, std::string> via_promptfoo, via_inspect;
  {
    Store a(tmp.file("pf.db")), b(tmp.file("inspect.db"));
    for (const auto& r : a.responses({})) via_promptfoo[r.model + "/" + r.item_id] = r.text;
    for (const auto& r : b.responses({})) via_inspect[r.model + "/" + r.item_id] = r.text;
    CHECK(a.scores("promptfoo:pass").size() == models.size() * items.size());
    CHECK(a.runs()[0]["args"]["source"]["version"] == "0.121.20");
  }
  CHECK(via_promptfoo.size() == models.size() * items.size());
  CHECK(via_promptfoo == via_inspect);
  CHECK(detect(tmp.file("pf.db")) == detect(tmp.file("inspect.db")));
}
