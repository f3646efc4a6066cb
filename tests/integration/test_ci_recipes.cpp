// The CI and cluster recipes (examples/) run locally: the shard command as separate
// processes at once (through the Slurm array script, as the cluster would start them), then
// the merge-and-gate step; the merged store holds the same answers and scores as one run.
// The GitHub Actions and Kubernetes files are checked to call the same commands.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/integration/run_helpers.hpp"
#include "tests/support/process.hpp"

using namespace ds::harness;

namespace {

// (model, suite, item, sample) -> text, and every score by (that key, scorer).
struct Contents {
  std::map<std::string, std::string> answers;
  std::map<std::string, std::string> scores;
};

Contents contents(const std::string& db) {
  Store store(db, true);
  Contents c;
  std::map<int64_t, std::string> key_of;
  for (const auto& r : store.responses({})) {
    const std::string key = r.model + "|" + r.suite + "|" + r.item_id + "|" + std::to_string(r.sample);
    key_of[r.id] = key;
    c.answers[key] = r.text;
  }
  for (const auto& s : store.scores())
    c.scores[key_of.at(s.response_id) + "|" + s.scorer] =
        (s.value ? std::to_string(*s.value) : "unscored") + " " + s.extracted;
  return c;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the shard recipe run as separate processes, then merged, equals a single run") {
  ds::test::ServeProcess serve({"--simulate"});
  ds::test::TempDir dir;
  const std::string url = serve.base_url();
  const std::string models = "openai:sim-teacher@" + url + " anthropic:sim-student@" + url +
                             " openai:sim-independent-a@" + url;
  const std::string env = "DISTILLSCOPE=" + quoted(ds::test::distillscope_binary()) + " MODELS=" + quoted(models) +
                          " SUITES='math philosophy creativity' LIMIT=5 SAMPLES=2 SEED=3" +
                          " OUT=" + quoted(dir.file("shards")) + " SHARDS=" + quoted(dir.file("shards"));
  const std::string slurm = ds::test::source_dir() + "/examples/slurm-array.sh";
  // Three array tasks at once, as Slurm would start them.
  std::string shards = "cd " + quoted(dir.path()) + " && ";
  for (int k = 1; k <= 3; ++k)
    shards += "(env " + env + " SLURM_ARRAY_TASK_ID=" + std::to_string(k) + " SLURM_ARRAY_TASK_COUNT=3 bash " +
              quoted(slurm) + " > shard" + std::to_string(k) + ".log 2>&1) & p" + std::to_string(k) + "=$!; ";
  shards += "wait $p1 && wait $p2 && wait $p3";
  REQUIRE_MESSAGE(ds::test::run_shell(shards).exit_code == 0, read_text(dir.file("shard1.log")));
  for (int k = 1; k <= 3; ++k) CHECK(std::filesystem::exists(dir.file("shards/shard-" + std::to_string(k) + ".db")));

  const json before_merge = json::parse(serve.http_get("/stats"));
  const auto merged = ds::test::run_shell("cd " + quoted(dir.path()) + " && env " + env + " DB=merged.db REPORTS=reports" +
                                      " FAIL_ON='math<0' bash " + quoted(slurm) + " merge > merge.log 2>&1");
  CHECK_MESSAGE(merged.exit_code == 0, read_text(dir.file("merge.log")));
  CHECK(std::filesystem::file_size(dir.file("reports/report.html")) > 1000);
  CHECK(read_text(dir.file("reports/junit.xml")).find("<testsuites") != std::string::npos);
  // The merge-and-gate step sent nothing: every answer came from the shards. (Not /stats
  // "repeats": Anthropic requests carry no seed, so a model's two samples are one body.)
  const json after_merge = json::parse(serve.http_get("/stats"));
  CHECK(after_merge["total"] == before_merge["total"]);

  const auto single = ds::test::run_distillscope({"run", "--model", "openai:sim-teacher@" + url, "--model",
                                              "anthropic:sim-student@" + url, "--model",
                                              "openai:sim-independent-a@" + url, "--suite", "math", "--suite",
                                              "philosophy", "--suite", "creativity", "--limit", "5", "--samples",
                                              "2", "--seed", "3", "--db", dir.file("single.db"), "--no-progress",
                                              "--no-cache"});
  REQUIRE_MESSAGE(single.exit_code == 0, single.err);
  const Contents a = contents(dir.file("merged.db")), b = contents(dir.file("single.db"));
  CHECK(a.answers.size() == 3 * 15 * 2);
  CHECK(a.answers == b.answers);
  CHECK(a.scores.size() == b.scores.size());
  CHECK(a.scores == b.scores);
}

TEST_CASE("the GitHub Actions and Kubernetes recipes call the tested commands") {
  const std::string root = ds::test::source_dir() + "/examples/";
  const YAML::Node gha = YAML::LoadFile(root + "github-actions.yml");
  const YAML::Node jobs = gha["jobs"];
  REQUIRE(jobs["shard"]);
  CHECK(jobs["shard"]["strategy"]["matrix"]["shard"].size() == 4);
  CHECK(jobs["merge"]["needs"].as<std::string>() == "shard");
  const std::string text = read_text(root + "github-actions.yml");
  CHECK(text.find("bash examples/ci/run-shard.sh") != std::string::npos);
  CHECK(text.find("SHARD: ${{ matrix.shard }}/${{ env.SHARDS_TOTAL }}") != std::string::npos);
  CHECK(text.find("bash examples/ci/merge-and-gate.sh") != std::string::npos);

  const auto docs = YAML::LoadAllFromFile(root + "kubernetes-indexed-job.yaml");
  bool indexed = false, merge = false;
  for (const auto& d : docs) {
    if (d["kind"].as<std::string>() != "Job") continue;
    const std::string name = d["metadata"]["name"].as<std::string>();
    if (name == "distillscope-shards") {
      indexed = d["spec"]["completionMode"].as<std::string>() == "Indexed";
      const std::string args = d["spec"]["template"]["spec"]["containers"][0]["args"][0].as<std::string>();
      CHECK(args.find("SHARD=\"$((JOB_COMPLETION_INDEX + 1))/${SHARDS_TOTAL}\" bash examples/ci/run-shard.sh") !=
            std::string::npos);
    }
    if (name == "distillscope-merge")
      merge = d["spec"]["template"]["spec"]["containers"][0]["command"][1].as<std::string>() ==
              "examples/ci/merge-and-gate.sh";
  }
  CHECK(indexed);
  CHECK(merge);
}
